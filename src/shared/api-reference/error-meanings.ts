/**
 * What each error code means, for the generated reference (docs/api.md, /api/openapi.json).
 * Kept beside the reference rather than in errors.ts: the renderer imports errors.ts and has no
 * use for these sentences.
 */
import type { ErrorCode } from '../errors';

/** Returns, for every error code, when the Api answers it. */
export const ERROR_MEANINGS: Record<ErrorCode, string> = {
  BAD_REQUEST:
    'The params fail the method’s schema (the message names the field), or the call itself is ' +
    'wrong: params that are not an object, a body that is not JSON, a Content-Type other than ' +
    'application/json, a method other than POST. Some methods also answer it for a request ' +
    'they cannot carry out (see each method).',
  UNAUTHORIZED: 'Browser mode: the token is missing or wrong.',
  FORBIDDEN:
    'Browser mode: a foreign Host header (DNS rebinding) or Origin. Over IPC: a sender that is ' +
    'not Folio’s window.',
  NOT_FOUND:
    'The article, feed, highlight or folder named in the params does not exist; in browser ' +
    'mode also a path with nothing behind it.',
  UNKNOWN_METHOD: 'No Api method has this name.',
  CONFLICT:
    'The change clashes with what is there: a feed already followed, a database in the middle ' +
    'of a write.',
  NOT_A_FEED: 'The address is not a feed, and no feed could be found from it.',
  PARSE_FAILED: 'A remote document (a feed, a web page, an OPML file) could not be read.',
  TOO_LARGE: 'A remote document is over its size cap (10 MB), or a request body over 25 MB.',
  FETCH_FAILED:
    'The fetch failed: an HTTP error, a redirect loop, a bad certificate, no network or no ' +
    'route to the server.',
  TIMEOUT: 'A remote server took longer than 20 s to send its whole answer.',
  UNAVAILABLE: 'Folio is closing and stopped the work.',
  INTERNAL: 'A bug in Folio, logged in its output; nothing the caller can change.',
};

/** Returns the error codes any call may answer, whatever the method, each with when. */
export const COMMON_ERRORS: Partial<Record<ErrorCode, string>> = {
  BAD_REQUEST: 'params that fail the schema',
  UNAUTHORIZED: 'browser mode: no or a wrong token',
  FORBIDDEN: 'browser mode: a foreign Host or Origin; IPC: not Folio’s window',
  TOO_LARGE: 'browser mode: a request body over 25 MB',
  INTERNAL: 'a bug',
};
