/**
 * The global the preload adds to the page. The renderer picks it up with
 * `/// <reference path="../../preload/index.d.ts" />` (in its env.d.ts) or by listing this file
 * in tsconfig.web.json. `folio` is absent in browser mode, where the Api travels over HTTP.
 */
import type { FolioBridge } from '../shared/bridge';

declare global {
  interface Window {
    folio?: FolioBridge;
  }
}

export {};
