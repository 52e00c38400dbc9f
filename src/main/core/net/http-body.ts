/** Reads a response body under a size cap, counting (and if asked hashing) the bytes as they arrive. */
import { createHash } from 'node:crypto';
import { ApiError } from '../../../shared/errors';

/** A body as received: its chunks, their total size, and their SHA-256 when it was asked for. */
export interface CappedBody {
  chunks: Uint8Array[];
  byteLength: number;
  sha256: string | null;
}

/**
 * Returns the whole body of `response` as received chunks, or throws TOO_LARGE as soon as it
 * passes `maxBytes`. The count is of the decoded bytes (fetch has already undone
 * gzip/deflate/br), so a small gzip that inflates to a gigabyte is stopped at the cap, and
 * cancelling the stream stops the inflating too. A Content-Length above the cap is refused before
 * reading anything. With `hash`, each chunk goes into a SHA-256 while it is still in the CPU's
 * cache, between reads that wait on the network anyway: hashing the joined 3.7 MB afterwards cost
 * 2 ms more of the unchanged-feed refresh (docs/technotes/refresh.md, "Unchanged bodies").
 */
export async function readCappedBody(
  response: Response,
  maxBytes: number,
  url: string,
  hash = false,
): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, maxBytes, { declaredBytes: declared });
  }
  const digest = hash ? createHash('sha256') : null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(url, maxBytes, { receivedBytes: total });
      }
      digest?.update(value);
      chunks.push(value);
    }
  }
  return { chunks, byteLength: total, sha256: digest ? digest.digest('base64url') : null };
}

/** Returns the chunks of `body` joined into one array (the chunk itself when there is one). */
export function joinBody(body: CappedBody): Uint8Array {
  if (body.chunks.length === 1) return body.chunks[0] as Uint8Array;
  const bytes = new Uint8Array(body.byteLength);
  let at = 0;
  for (const chunk of body.chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(url: string, maxBytes: number, seen: Record<string, number>): ApiError {
  const limit = `${(maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return new ApiError('TOO_LARGE', `${url} is larger than the ${limit} limit for one response`, {
    maxBytes,
    ...seen,
  });
}
