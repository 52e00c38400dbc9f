/**
 * What crosses the Electron preload bridge. Errors do not survive contextBridge as classes, so
 * every call resolves to an envelope and the renderer turns `{ok:false}` back into an ApiError.
 */
import type { FolioEvent } from './contract';
import type { ApiErrorBody } from './errors';
import type { Method } from './methods';

/** The outcome of one Api call as both transports carry it. */
export type Envelope<T = unknown> = { ok: true; result: T } | ({ ok: false } & ApiErrorBody);

/** `window.folio` in Electron: one function per Api method, plus the event subscription. */
export type FolioBridge = { [M in Method]: (params?: unknown) => Promise<Envelope> } & {
  /** Subscribes to events pushed from main; returns the unsubscribe function. */
  onEvent(listener: (event: FolioEvent) => void): () => void;
};
