/**
 * PipelinePool: feedInBatches in worker threads (pipeline-worker.ts), so that parsing one feed
 * overlaps storing another on the second core and the main process stays free to answer the UI
 * during a big refresh (docs/technotes/refresh.md "Parsing off the main thread").
 *
 * Without a built worker script (vitest runs the TypeScript sources; a worker needs built JS) it
 * parses in-process with the same steps (feedInBatches), so both paths run the same code.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/errors';
import { BatchStream } from './batch-stream';
import { feedInBatches, type FeedBytesMeta } from './pipeline';
import type {
  PipelineAck,
  PipelineCancel,
  PipelineJob,
  PipelineReply,
  PipelineWireError,
} from './pipeline-worker';
import type { FeedInBatches } from './types';

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

/**
 * A body this big is handed to the worker (its buffer transferred, the caller's bytes left
 * empty) rather than copied: a 35 MB feed copied was 35 MB more held through the whole parse.
 * Smaller ones are copied, which costs little and leaves the caller its bytes.
 */
export const TRANSFER_MIN_BYTES = 1024 * 1024;

interface Job {
  id: number;
  bytes: Uint8Array;
  meta: FeedBytesMeta;
  now: number;
  resolve: (feed: FeedInBatches) => void;
  reject: (error: Error) => void;
  /** The feed's batches, once its head came. */
  stream?: BatchStream;
}

interface Slot {
  worker: Worker;
  /** Posted jobs, oldest first: the worker answers them in this order. */
  posted: Job[];
  /** The uncaught error the worker died of, when it reported one. */
  crash: Error | null;
}

/**
 * The worker's heap limit. V8 lets a heap grow to up to 4 times its live size between full GCs
 * when its limit is large (Node's default here is 4.3 GB) and scales that ceiling down for
 * smaller limits (V8's heap-controller), so the garbage of normalizing a big feed is collected
 * sooner: the 35 MB benchmark feed peaked at 315–383 MB RSS over three runs with the default,
 * 322–341 MB with this (docs/technotes/refresh.md, "Large feeds"). It stays far above what a
 * feed needs: a 60 MB one (FEED_MAX_BYTES is 64), ASCII or Cyrillic, has ~175 MB live once
 * parsed. A worker that still ran out would fail only its own feed (#exited).
 */
const WORKER_OLD_GENERATION_MB = 1024;

/** Returns the default number of workers: the cores left to the main thread, 1 or 2. */
export function defaultPoolSize(): number {
  return Math.min(2, Math.max(1, availableParallelism() - 1));
}

/** Parses fetched feeds in worker threads, queued; a crashed worker fails only its own job. */
export class PipelinePool {
  /**
   * Returns the feed in `bytes` to take in batches; rejects like feedFromBytes. Hash the bytes
   * first: a body of TRANSFER_MIN_BYTES or more may be handed to the worker, leaving it empty.
   */
  readonly parse: (bytes: Uint8Array, meta: FeedBytesMeta, now: number) => Promise<FeedInBatches>;
  /** True when jobs go to worker threads, false when they are parsed in-process. */
  readonly threaded: boolean;
  readonly #script: string;
  readonly #size: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  /** Answered jobs not handed over yet, oldest first (#handOver). */
  readonly #answered: { job: Job; settle: () => void }[] = [];
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
          this.#closed ? Promise.reject(closedError()) : feedInBatches(bytes, meta, now);
  }

  /** Terminates the workers; jobs not answered yet, and feeds still coming, fail with UNAVAILABLE. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const slots = this.#slots.splice(0);
    const unanswered = [
      ...this.#answered.splice(0).map((answer) => answer.job),
      ...slots.flatMap((slot) => slot.posted),
      ...this.#queue.splice(0),
    ];
    for (const job of unanswered) {
      job.reject(closedError());
      job.stream?.fail(closedError());
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #enqueue(bytes: Uint8Array, meta: FeedBytesMeta, now: number): Promise<FeedInBatches> {
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
    // A big body goes to an idle worker as it is (transferred): it is then the job running, never
    // one waiting behind another, which a crash sends back to the queue and must still have its
    // bytes. Anything else crosses as a copy: the caller's bytes stay usable, and a Buffer from
    // Node's shared pool could not be transferred anyway.
    const handOver = slot.posted.length === 0 && transferable(job.bytes);
    const bytes = handOver ? job.bytes : new Uint8Array(job.bytes);
    if (handOver) job.bytes = new Uint8Array(0);
    const message: PipelineJob = {
      id: job.id,
      bytes: bytes.buffer as ArrayBuffer,
      url: job.meta.url,
      contentType: job.meta.contentType,
      now: job.now,
    };
    slot.posted.push(job);
    slot.worker.ref();
    slot.worker.postMessage(message, [message.bytes as ArrayBuffer]);
  }

  #start(): Slot {
    const worker = new Worker(this.#script, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB },
    });
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
    const job = slot.posted.find((posted) => posted.id === reply.id);
    if (!job) return; // a batch that came after its feed was given up
    if ('error' in reply) {
      const error = errorOf(reply.error);
      this.#finish(slot, job);
      if (job.stream) job.stream.fail(error);
      else this.#settle(job, () => job.reject(error));
      return;
    }
    if ('head' in reply) {
      const stream = new BatchStream(reply.head, reply.batch, {
        // The next batch is asked for on the next turn, so that reading one in never follows
        // another in the same turn (Node reads a worker's waiting messages in one go).
        request: () => setImmediate(() => this.#tell(slot, { ack: job.id })),
        cancel: () => {
          this.#tell(slot, { cancel: job.id });
          this.#finish(slot, job);
        },
      });
      job.stream = stream;
      if (reply.batch.last) this.#finish(slot, job);
      this.#settle(job, () => job.resolve(stream));
      return;
    }
    job.stream?.deliver(reply.batch);
    if (reply.batch.last) this.#finish(slot, job);
  }

  /** Posts `message` to the slot's worker unless it has stopped. */
  #tell(slot: Slot, message: PipelineAck | PipelineCancel): void {
    if (this.#slots.includes(slot)) slot.worker.postMessage(message);
  }

  /** The worker is done with `job` (its last batch, its error, or the feed was given up). */
  #finish(slot: Slot, job: Job): void {
    const index = slot.posted.indexOf(job);
    if (index < 0) return;
    slot.posted.splice(index, 1);
    if (slot.posted.length === 0) slot.worker.unref();
    this.#dispatch();
  }

  /** Queues a job's answer (its feed or error) for #handOver. */
  #settle(job: Job, settle: () => void): void {
    this.#answered.push({ job, settle });
    if (!this.#handingOver) {
      this.#handingOver = true;
      setImmediate(() => this.#handOver());
    }
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
    answer?.settle();
  }

  /**
   * A worker ended on its own (uncaught error, out of memory, exit): the job it was running
   * fails (or the rest of its batches, when some were sent), the ones waiting behind it go back
   * to the front of the queue, and a new worker takes over.
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
      const error = new ApiError(
        'PARSE_FAILED',
        `Folio could not read this feed: the parser stopped (${cause}).`,
      );
      // Before its head came, or while its batches came: whichever the caller is waiting on.
      running.reject(error);
      running.stream?.fail(error);
    }
    this.#dispatch();
  }
}

/** Returns the error a worker sent as data: an ApiError with its code, or a plain Error (a bug). */
function errorOf({ code, message, details }: PipelineWireError): Error {
  return code === null ? new Error(message) : new ApiError(code, message, details);
}

/** True when `bytes` can be transferred as they are: a whole ArrayBuffer of their own, and big. */
function transferable(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= TRANSFER_MIN_BYTES &&
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}

function closedError(): ApiError {
  return new ApiError('UNAVAILABLE', 'Feed parsing has stopped: Folio is closing.');
}
