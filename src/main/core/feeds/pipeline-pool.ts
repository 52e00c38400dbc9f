/**
 * PipelinePool: feedFromBytes in worker threads (pipeline-worker.ts), so that parsing one feed
 * overlaps storing another on the second core and the main process stays free to answer the UI
 * during a big refresh (docs/technotes/refresh.md "Parsing off the main thread").
 *
 * Without a built worker script (vitest runs the TypeScript sources; a worker needs built JS) it
 * parses in-process with the same feedFromBytes, so both paths run the same code.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/errors';
import { feedFromBytes, type FeedBytesMeta } from './pipeline';
import type { PipelineAck, PipelineJob, PipelineReply } from './pipeline-worker';
import type { NormalizedFeed, NormalizedItem } from './types';

/** How to build a pool. */
export interface PipelinePoolOptions {
  /** The built pipeline-worker.js; in-process parsing when omitted or missing. */
  workerScript?: string | null;
  /** Worker threads (default: one per core but the main one, at least 1, at most 2). */
  size?: number;
}

/**
 * Jobs posted to a worker before its answers come back: one running and one waiting, so the
 * worker starts the next feed at once instead of idling while the main thread stores the last.
 */
const JOBS_PER_WORKER = 2;

interface Job {
  id: number;
  bytes: Uint8Array;
  meta: FeedBytesMeta;
  now: number;
  resolve: (feed: NormalizedFeed) => void;
  reject: (error: Error) => void;
  /** A big feed's items received so far (they come in batches before the feed). */
  items?: NormalizedItem[];
}

interface Slot {
  worker: Worker;
  /** Posted jobs, oldest first: the worker answers them in this order. */
  posted: Job[];
  /** The uncaught error the worker died of, when it reported one. */
  crash: Error | null;
}

/** Returns the default number of workers: the cores left to the main thread, 1 or 2. */
export function defaultPoolSize(): number {
  return Math.min(2, Math.max(1, availableParallelism() - 1));
}

/** Parses fetched feeds in worker threads, queued; a crashed worker fails only its own job. */
export class PipelinePool {
  /** Returns the normalized feed in `bytes` (left untouched); rejects like feedFromBytes. */
  readonly parse: (bytes: Uint8Array, meta: FeedBytesMeta, now: number) => Promise<NormalizedFeed>;
  /** True when jobs go to worker threads, false when they are parsed in-process. */
  readonly threaded: boolean;
  readonly #script: string;
  readonly #size: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  /** Answered jobs not handed over yet, oldest first (#handOver). */
  readonly #answered: { job: Job; reply: PipelineReply }[] = [];
  #handingOver = false;
  #nextId = 1;
  #closed = false;

  constructor(options: PipelinePoolOptions = {}) {
    const script = options.workerScript;
    this.threaded = !!script && existsSync(script);
    this.#script = script ?? '';
    this.#size = Math.max(1, options.size ?? defaultPoolSize());
    this.parse = this.threaded
      ? (bytes, meta, now) => this.#enqueue(bytes, meta, now)
      : (bytes, meta, now) =>
          this.#closed ? Promise.reject(closedError()) : feedFromBytes(bytes, meta, now);
  }

  /** Terminates the workers; jobs not answered yet fail with UNAVAILABLE. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const slots = this.#slots.splice(0);
    const unanswered = [
      ...this.#answered.splice(0).map((answer) => answer.job),
      ...slots.flatMap((slot) => slot.posted),
      ...this.#queue.splice(0),
    ];
    for (const job of unanswered) job.reject(closedError());
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #enqueue(bytes: Uint8Array, meta: FeedBytesMeta, now: number): Promise<NormalizedFeed> {
    if (this.#closed) return Promise.reject(closedError());
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, bytes, meta, now, resolve, reject });
      this.#dispatch();
    });
  }

  /** Posts queued jobs to the least busy workers, starting workers up to the pool's size. */
  #dispatch(): void {
    while (this.#queue.length > 0) {
      let slot = this.#slots.reduce<Slot | null>(
        (best, s) => (best === null || s.posted.length < best.posted.length ? s : best),
        null,
      );
      if (this.#slots.length < this.#size && (slot === null || slot.posted.length > 0)) {
        slot = this.#start();
      }
      if (slot === null || slot.posted.length >= JOBS_PER_WORKER) return;
      this.#post(slot, this.#queue.shift() as Job);
    }
  }

  #post(slot: Slot, job: Job): void {
    // A copy is transferred, not the caller's buffer: its bytes stay usable (hashing, retry
    // after a crash), and a Buffer from Node's shared pool could not be transferred anyway.
    const copy = new Uint8Array(job.bytes);
    const message: PipelineJob = {
      id: job.id,
      bytes: copy.buffer,
      url: job.meta.url,
      contentType: job.meta.contentType,
      now: job.now,
    };
    slot.posted.push(job);
    slot.worker.ref();
    slot.worker.postMessage(message, [copy.buffer]);
  }

  #start(): Slot {
    const worker = new Worker(this.#script);
    const slot: Slot = { worker, posted: [], crash: null };
    worker.on('message', (reply: PipelineReply) => this.#answer(slot, reply));
    worker.on('error', (error) => {
      slot.crash = error;
    });
    worker.on('exit', (code) => this.#exited(slot, code));
    // An idle worker must not keep a script alive; one with jobs does (see #post).
    worker.unref();
    this.#slots.push(slot);
    return slot;
  }

  #answer(slot: Slot, reply: PipelineReply): void {
    const index = slot.posted.findIndex((job) => job.id === reply.id);
    if (index < 0) return;
    if ('items' in reply) {
      // A batch of a big feed's items: kept, and the next asked for on the next turn, so that
      // copying them in never holds the main thread for long.
      const job = slot.posted[index] as Job;
      (job.items ??= []).push(...reply.items);
      const ack: PipelineAck = { ack: reply.id };
      setImmediate(() => slot.worker.postMessage(ack));
      return;
    }
    const [job] = slot.posted.splice(index, 1) as [Job];
    if (slot.posted.length === 0) slot.worker.unref();
    this.#answered.push({ job, reply });
    if (!this.#handingOver) {
      this.#handingOver = true;
      setImmediate(() => this.#handOver());
    }
    this.#dispatch();
  }

  /**
   * Settles one answered job, and schedules the next for the next turn of the event loop. What
   * the caller does with a feed (storing it) runs in the microtasks after this, so it must not
   * run back to back with the next: Node reads a worker's messages in one go for as long as
   * they keep coming, and a worker that parses faster than the main thread stores kept it
   * inside that loop: the 500-feed refresh benchmark saw the main thread's timers (and so the
   * UI's IPC calls) wait 0.3–1 s at a time. Now at most one feed per turn.
   */
  #handOver(): void {
    const answer = this.#answered.shift();
    if (this.#answered.length > 0) setImmediate(() => this.#handOver());
    else this.#handingOver = false;
    if (!answer) return;
    const { job, reply } = answer;
    if ('feed' in reply) {
      const { feed } = reply;
      job.resolve(job.items ? { ...feed, items: [...job.items, ...feed.items] } : feed);
    } else if ('error' in reply) {
      const { code, message, details } = reply.error;
      job.reject(code === null ? new Error(message) : new ApiError(code, message, details));
    }
  }

  /**
   * A worker ended on its own (uncaught error, out of memory, exit): the job it was running
   * fails, the ones waiting behind it go back to the front of the queue, and a new worker
   * takes over.
   */
  #exited(slot: Slot, code: number): void {
    const at = this.#slots.indexOf(slot);
    if (at < 0) return; // closed
    this.#slots.splice(at, 1);
    const [running, ...waiting] = slot.posted;
    this.#queue.unshift(...waiting);
    if (running) {
      const cause = slot.crash?.message ?? `exit code ${code}`;
      console.error(
        '[pipeline] worker stopped while parsing',
        running.meta.url,
        slot.crash ?? code,
      );
      running.reject(
        new ApiError(
          'PARSE_FAILED',
          `Folio could not read this feed: the parser stopped (${cause}).`,
        ),
      );
    }
    this.#dispatch();
  }
}

function closedError(): ApiError {
  return new ApiError('UNAVAILABLE', 'Feed parsing has stopped: Folio is closing.');
}
