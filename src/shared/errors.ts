/**
 * The Api's error codes and the error class every layer throws. Kept apart from contract.ts so
 * that the renderer can use them without bundling the params schemas (and zod).
 */

/** Error codes of the Api, with the HTTP status browser mode answers them with. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  NOT_A_FEED: 422,
  PARSE_FAILED: 422,
  TOO_LARGE: 422,
  FETCH_FAILED: 502,
  TIMEOUT: 504,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The error body of both transports: `{error: {code, message}}`. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** An Api failure with a code from ERROR_STATUS; what every layer throws for a caller to see. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Returns the wire form of this error. */
  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { error: { code: this.code, message: this.message } };
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}

/** Returns true when `value` has the wire shape of an error body. */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const err = (value as { error: unknown }).error;
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { code?: unknown }).code === 'string' &&
    typeof (err as { message?: unknown }).message === 'string'
  );
}
