/** Small helpers for answering HTTP requests in browser mode. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, ERROR_STATUS, type ErrorCode } from '../../shared/contract';
import { uiContentSecurityPolicy } from '../ui-files';

/**
 * Headers sent with every response. UI pages replace the CSP with the one for the current
 * settings (server.ts); this default one is for everything else.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': uiContentSecurityPolicy({ blockRemote: false }),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Sends a JSON body with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': data.length,
    'Cache-Control': 'no-store',
  });
  res.end(data);
}

/** Sends an Api error body with the status its code maps to. */
export function sendError(res: ServerResponse, code: ErrorCode, message: string): void {
  sendJson(res, ERROR_STATUS[code], new ApiError(code, message).toBody());
}

/**
 * Reads a request body up to `limit` bytes; rejects with ApiError TOO_LARGE past it. The rest of
 * an oversized body is read and dropped rather than the stream destroyed: destroying it would
 * close the socket before the 422 could be sent.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      tooLarge = true;
      chunks.length = 0;
      reject(new ApiError('TOO_LARGE', `Request body over ${limit} bytes.`));
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
