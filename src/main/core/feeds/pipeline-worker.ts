/**
 * The pipeline worker's entry (worker_threads): runs feedFromBytes for PipelinePool, off the
 * main thread (docs/technotes/refresh.md "Parsing off the main thread"). It imports the parsing
 * half of ingestion only: no storage, so better-sqlite3 is never loaded here.
 *
 * Jobs run one after another, in the order they came: the pool relies on that to know which job
 * a crash interrupted (the oldest it has not been answered for).
 */
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/errors';
import { feedFromBytes } from './pipeline';
import type { ErrorCode } from '../../../shared/errors';
import type { NormalizedFeed } from './types';

/** A job as the pool posts it: the body's bytes are a transferred copy. */
export interface PipelineJob {
  id: number;
  bytes: ArrayBuffer;
  url: string;
  contentType: string | null;
  now: number;
}

/** An error as plain data; `code` is null for anything that was not an ApiError (a bug). */
export interface PipelineWireError {
  code: ErrorCode | null;
  message: string;
  details?: unknown;
}

/** The worker's answer to one job. */
export type PipelineReply =
  { id: number; feed: NormalizedFeed } | { id: number; error: PipelineWireError };

/** Returns the reply for one job: the feed, or its error in wire form. */
async function runJob(job: PipelineJob): Promise<PipelineReply> {
  try {
    const feed = await feedFromBytes(
      new Uint8Array(job.bytes),
      { url: job.url, contentType: job.contentType },
      job.now,
    );
    return { id: job.id, feed };
  } catch (error) {
    return { id: job.id, error: toWireError(error) };
  }
}

/** Returns `error` as plain data; a code only for ApiErrors, so a bug stays a bug on the other side. */
function toWireError(error: unknown): PipelineWireError {
  if (error instanceof ApiError) {
    return { code: error.code, message: error.message, details: error.details };
  }
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

const port = parentPort;
if (!port) throw new Error('pipeline-worker runs inside a worker thread only.');
let queue: Promise<void> = Promise.resolve();
port.on('message', (job: PipelineJob) => {
  queue = queue.then(async () => port.postMessage(await runJob(job)));
});
