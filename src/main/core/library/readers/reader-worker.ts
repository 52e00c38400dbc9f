/**
 * A reader thread's entry (worker_threads), started by ReaderPool: opens its own read-only
 * connection to the library and answers one job at a time (docs/technotes/reader-threads.md).
 * A job's answer is an Envelope, as the dispatcher's: an ApiError keeps its code; anything else
 * is an INTERNAL error, logged here.
 *
 * Compacting an old library and checkpointing the WAL also run here, on connections of their
 * own that can write: VACUUM on the main thread held the whole app for as long as it rewrote the
 * file, and a checkpoint at commit time held it for tens of milliseconds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Store } from '../../storage/store';
import { timeBudget, SUGGESTION_BUDGET_MS, UNBOUNDED } from '../work-budget';
import { runReaderJob, suggestionArticle } from './reader-jobs';
import { prepareRelatedFeeds } from '../related/related-feeds';
import type { ReaderReply, ReaderRequest, ReaderWorkerData } from './reader-protocol';
import { envelopeOf } from '../envelope';

const port = parentPort;
if (!port) throw new Error('reader-worker runs inside a worker thread only.');
const { file, nativeBinding } = workerData as ReaderWorkerData;
const store = Store.openReadOnly(file, { nativeBinding });

port.on('message', (request: ReaderRequest) => {
  const reply: ReaderReply = { id: request.id, envelope: answer(request) };
  port.postMessage(reply);
});

function answer(request: ReaderRequest) {
  try {
    if (request.job.kind === 'compact') return { ok: true as const, result: compact() };
    if (request.job.kind === 'checkpoint') {
      return { ok: true as const, result: checkpoint(request.job.truncate === true) };
    }
    if (request.job.kind === 'prepare') {
      return { ok: true as const, result: prepareRelatedFeeds(store, UNBOUNDED) };
    }
    const flag = request.cancel ? new Int32Array(request.cancel) : null;
    const budget =
      suggestionArticle(request.job) === null
        ? UNBOUNDED
        : timeBudget(SUGGESTION_BUDGET_MS, () => flag !== null && Atomics.load(flag, 0) === 1);
    return { ok: true as const, result: runReaderJob(store, request.job, budget) };
  } catch (error) {
    return envelopeOf(error, request.job.kind === 'api' ? request.job.method : request.job.kind);
  }
}

let checkpointer: Store | null = null;

/**
 * Copies the WAL into the database file without waiting for anyone (PASSIVE), on a writable
 * connection kept for it: done on the main thread at commit time, it cost the commit of 2,500
 * read marks (27 MB of WAL) 60–100 ms of the main thread's time. With `truncate`, it waits for
 * readers and empties the WAL file too (after a compaction, with the main thread's writes held).
 */
function checkpoint(truncate: boolean): null {
  checkpointer ??= Store.open(file, { nativeBinding });
  checkpointer.maintenance.checkpoint(truncate ? 'TRUNCATE' : 'PASSIVE');
  return null;
}

/** Compacts through a writable connection of this thread's own, closed when done. */
function compact(): { beforeBytes: number; afterBytes: number } {
  const writer = Store.open(file, { nativeBinding });
  try {
    return writer.maintenance.compact();
  } finally {
    writer.close();
  }
}
