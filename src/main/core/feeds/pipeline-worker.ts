/**
 * The pipeline worker's entry (worker_threads): runs feedInBatches's steps for PipelinePool, off
 * the main thread (docs/technotes/refresh.md "Parsing off the main thread"). It imports the
 * parsing half of ingestion only: no storage, so better-sqlite3 is never loaded here.
 *
 * Jobs run one after another, in the order they came: the pool relies on that to know which job
 * a crash interrupted (the oldest it has not been answered for).
 */
import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../../shared/errors';
import { decodeFeed } from './decode';
import { normalizeInBatches } from './normalize-batches';
import { parseFeedText } from './parse';
import { nextBatch } from './pipeline';
import type { ErrorCode } from '../../../shared/errors';
import type { FeedHead, ItemBatch } from './types';

/** A job as the pool posts it: the body's bytes, transferred (a copy, or the body itself). */
export interface PipelineJob {
  id: number;
  /** Emptied once decoded, so the worker does not keep the body while it parses. */
  bytes: ArrayBuffer | null;
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

/**
 * The worker's answers to one job: the feed's head with its first batch (the document's end),
 * then one batch each time the pool asks (PipelineAck) until the last; or its error, which may
 * also come after some batches (normalizing failed).
 */
export type PipelineReply =
  | { id: number; head: FeedHead; batch: ItemBatch }
  | { id: number; batch: ItemBatch }
  | { id: number; error: PipelineWireError };

/** The pool's go-ahead for job `ack`'s next batch. */
export interface PipelineAck {
  ack: number;
}

/** The pool gave job `cancel` up: no more of its batches are wanted. */
export interface PipelineCancel {
  cancel: number;
}

/** Returns `error` as plain data; a code only for ApiErrors, so a bug stays a bug on the other side. */
function toWireError(error: unknown): PipelineWireError {
  if (error instanceof ApiError) {
    return { code: error.code, message: error.message, details: error.details };
  }
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

/** Returns the job's body as text and lets go of the bytes (35 MB for a big feed). */
function decodeJob(job: PipelineJob): string {
  const bytes = new Uint8Array(job.bytes ?? new ArrayBuffer(0));
  job.bytes = null;
  return decodeFeed(bytes, job.contentType).text;
}

const port = parentPort;
if (!port) throw new Error('pipeline-worker runs inside a worker thread only.');
const goAheads = new Map<number, (go: boolean) => void>();
const cancelled = new Set<number>();

/** Resolves true when the pool asks for job `id`'s next batch, false when it gave the job up. */
function goAhead(id: number): Promise<boolean> {
  if (cancelled.has(id)) return Promise.resolve(false);
  return new Promise((resolve) => goAheads.set(id, resolve));
}

/** Parses one job and posts its batches, each after the pool asked for it. */
async function runJob(to: NonNullable<typeof port>, job: PipelineJob): Promise<void> {
  try {
    const parsed = await parseFeedText(decodeJob(job));
    const { head, batches } = normalizeInBatches(parsed, job.url, job.now);
    for (let first = true; ; first = false) {
      const batch = nextBatch(batches);
      to.postMessage(first ? { id: job.id, head, batch } : { id: job.id, batch });
      if (batch.last || !(await goAhead(job.id))) return;
    }
  } catch (error) {
    to.postMessage({ id: job.id, error: toWireError(error) });
  } finally {
    goAheads.delete(job.id);
    cancelled.delete(job.id);
  }
}

let queue: Promise<void> = Promise.resolve();
port.on('message', (message: PipelineJob | PipelineAck | PipelineCancel) => {
  if ('ack' in message) {
    goAheads.get(message.ack)?.(true);
  } else if ('cancel' in message) {
    cancelled.add(message.cancel);
    goAheads.get(message.cancel)?.(false);
  } else {
    queue = queue.then(() => runJob(port, message));
  }
});
