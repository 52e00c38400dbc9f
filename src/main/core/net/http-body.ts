/** Reads a response body under a size cap, counting the bytes as they arrive. */
import { ApiError } from '../../../shared/errors';

/**
 * Returns the whole body of `response` as bytes, or throws TOO_LARGE as soon as it passes
 * `maxBytes`. The count is of the decoded bytes (fetch has already undone gzip/deflate/br), so a
 * small gzip that inflates to a gigabyte is stopped at the cap, and cancelling the stream stops
 * the inflating too. A Content-Length above the cap is refused before reading anything.
 */
export async function readCappedBody(
  response: Response,
  maxBytes: number,
  url: string,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, maxBytes, { declaredBytes: declared });
  }
  if (!response.body) return new Uint8Array(0);

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes, { receivedBytes: total });
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function tooLarge(url: string, maxBytes: number, seen: Record<string, number>): ApiError {
  const limit = `${(maxBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return new ApiError('TOO_LARGE', `${url} is larger than the ${limit} limit for one response`, {
    maxBytes,
    ...seen,
  });
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
