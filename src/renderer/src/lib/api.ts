/**
 * The renderer's only way to the core: an `ApiClient` built from the method list, over IPC when
 * the Electron preload exposed `window.folio`, otherwise over HTTP (browser mode, same origin,
 * token in an HttpOnly cookie). Events come from `window.folio.onEvent` or `/api/events` (SSE).
 * Nothing here runs at import: `connect()` is called once at startup and its parts are handed to
 * the states that need them (so that tests can hand them a client of their own).
 */
import type { ApiClient, FolioEvent } from '../../../shared/contract';
import { ApiError, isApiErrorBody } from '../../../shared/errors';
import { METHODS, type Method } from '../../../shared/methods';
import type { Envelope, FolioBridge } from '../../../shared/bridge';

type Call = (method: Method, params: unknown) => Promise<unknown>;

/** How the Api travels: Electron's IPC or browser mode's HTTP. */
export type Transport = 'ipc' | 'http';

/** Subscribes `listener` to the events the core pushes; returns the unsubscribe function. */
export type SubscribeEvents = (listener: (event: FolioEvent) => void) => () => void;

/** The renderer's connection to the core: the typed Api, its transport and its events. */
export interface Connection {
  readonly api: ApiClient;
  readonly transport: Transport;
  readonly subscribe: SubscribeEvents;
}

/** Turns an IPC envelope into its result, or throws its error as an ApiError. */
export function unwrapEnvelope(envelope: Envelope): unknown {
  if (envelope.ok) return envelope.result;
  const { code, message, details } = envelope.error;
  throw new ApiError(code, message, details);
}

function ipcCall(bridge: FolioBridge): Call {
  return async (method, params) => unwrapEnvelope(await bridge[method](params ?? {}));
}

/** Calls `POST /api/<method>` with JSON params; maps every failure to an ApiError. */
async function httpCall(method: Method, params: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(params ?? {}),
    });
  } catch (error) {
    throw new ApiError('UNAVAILABLE', `Folio's server cannot be reached (${String(error)})`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body;
  if (isApiErrorBody(body)) {
    throw new ApiError(body.error.code, body.error.message, body.error.details);
  }
  if (response.status === 401) throw new ApiError('UNAUTHORIZED', 'Not signed in to this Folio');
  throw new ApiError('INTERNAL', `HTTP ${response.status} from /api/${method}`);
}

/** Subscribes to events over SSE; reconnects are left to EventSource. Returns the unsubscribe. */
function sseSubscribe(listener: (event: FolioEvent) => void): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource('/api/events', { withCredentials: true });
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      const event = JSON.parse(message.data) as FolioEvent;
      if (event && typeof event.type === 'string') listener(event);
    } catch {
      // A malformed message is ignored; the next one may be fine.
    }
  };
  return () => source.close();
}

/** Returns the typed Api over `bridge` (IPC), or over HTTP when there is no bridge. */
function createApiClient(bridge: FolioBridge | undefined): ApiClient {
  const call = bridge ? ipcCall(bridge) : httpCall;
  const client: Record<string, (params?: unknown) => Promise<unknown>> = {};
  for (const method of METHODS) client[method] = (params) => call(method, params);
  return client as ApiClient;
}

/** Returns the event subscription over `bridge` (IPC), or over SSE when there is no bridge. */
function createEventSubscriber(bridge: FolioBridge | undefined): SubscribeEvents {
  return bridge ? (listener) => bridge.onEvent(listener) : sseSubscribe;
}

/** Returns the connection over `bridge`: the preload's `window.folio` in Electron, else HTTP. */
export function connect(bridge: FolioBridge | undefined = window.folio): Connection {
  return {
    api: createApiClient(bridge),
    transport: bridge ? 'ipc' : 'http',
    subscribe: createEventSubscriber(bridge),
  };
}

/** Returns true when `error` is an ApiError with one of `codes`. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** Returns a short human message for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
