/** Turning an outcome into the Envelope both transports carry, on either side of a thread. */
import { ApiError } from '../../../shared/errors';
import type { Envelope } from '../../../shared/bridge';

/** Returns the error Envelope of `error`; unexpected errors become INTERNAL and are logged. */
export function envelopeOf(error: unknown, method?: unknown): Envelope {
  return { ok: false, ...toApiError(error, method).toBody() };
}

/** Returns `error` as an ApiError; unexpected errors become INTERNAL and are logged. */
export function toApiError(error: unknown, method?: unknown): ApiError {
  if (error instanceof ApiError) return error;
  console.error(`[api] ${String(method)} failed:`, error);
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('INTERNAL', `Folio hit an unexpected error: ${message}`);
}
