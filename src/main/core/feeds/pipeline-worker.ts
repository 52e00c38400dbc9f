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
import type { NormalizedFeed, NormalizedItem } from './types';

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

/**
 * The worker's answer to one job: the feed, or its error; a big feed's items come first in
 * batches (`items`), each sent once the pool acknowledged the one before (PipelineAck).
 */
export type PipelineReply =
  | { id: number; feed: NormalizedFeed }
  | { id: number; error: PipelineWireError }
  | { id: number; items: NormalizedItem[] };

/** The pool's go-ahead for the next batch of job `ack`'s items. */
export interface PipelineAck {
  ack: number;
}

/**
 * Items per message. Reading a message holds the main thread for as long as it takes to copy it
 * in: 10,000 items of 3 KB took 18 ms, so a 60,000-item feed in one message would take 100 ms.
 * Node reads a worker's waiting messages in one go, hence the acknowledgement between batches.
 */
export const ITEMS_PER_MESSAGE = 2000;

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
const acks = new Map<number, () => void>();
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: PipelineJob | PipelineAck) => {
  if ('ack' in message) {
    acks.get(message.ack)?.();
    return;
  }
  queue = queue.then(async () => send(port, await runJob(message)));
});

/** Posts a reply, a big feed's items first in acknowledged batches. */
async function send(to: NonNullable<typeof port>, reply: PipelineReply): Promise<void> {
  if ('feed' in reply && reply.feed.items.length > ITEMS_PER_MESSAGE) {
    const { items } = reply.feed;
    let at = 0;
    for (; at + ITEMS_PER_MESSAGE < items.length; at += ITEMS_PER_MESSAGE) {
      const acked = new Promise<void>((resolve) => acks.set(reply.id, resolve));
      to.postMessage({ id: reply.id, items: items.slice(at, at + ITEMS_PER_MESSAGE) });
      await acked;
    }
    acks.delete(reply.id);
    to.postMessage({ id: reply.id, feed: { ...reply.feed, items: items.slice(at) } });
    return;
  }
  to.postMessage(reply);
}
