/** Ambient types for the renderer: Vite's client types and `window.folio` from the preload. */
/// <reference types="vite/client" />
// The preload's declaration of window.folio, as its header asks (an import would resolve to
// the preload's index.ts, which imports electron).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../preload/index.d.ts" />
