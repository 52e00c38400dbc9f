/**
 * The renderer's only way to the core: an `ApiClient` built from the method list, over IPC when
 * the Electron preload exposed `window.folio`, otherwise over HTTP (browser mode, same origin,
 * token in an HttpOnly cookie). Events come from `window.folio.onEvent` or `/api/events` (SSE).
 */
import type { ApiClient, FolioEvent } from '../../../shared/contract';
import { ApiError, isApiErrorBody } from '../../../shared/errors';
import { METHODS, type Method } from '../../../shared/methods';
import type { Envelope, FolioBridge } from '../../../shared/bridge';

type Call = (method: Method, params: unknown) => Promise<unknown>;

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

function buildClient(call: Call): ApiClient {
  const client: Record<string, (params?: unknown) => Promise<unknown>> = {};
  for (const method of METHODS) client[method] = (params) => call(method, params);
  return client as ApiClient;
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

/** The transport in use, chosen once at startup. */
export const transport: 'ipc' | 'http' = window.folio ? 'ipc' : 'http';

/** The typed Api for the whole renderer. */
export const api: ApiClient = buildClient(window.folio ? ipcCall(window.folio) : httpCall);

/** Subscribes to events pushed by main; returns the unsubscribe function. */
export function onEvent(listener: (event: FolioEvent) => void): () => void {
  return window.folio ? window.folio.onEvent(listener) : sseSubscribe(listener);
}

/** Returns true when `error` is an ApiError with one of `codes`. */
export function isApiError(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** Returns a short human message for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
