/**
 * ReaderPool: worker threads, each with its own read-only connection, that run the Api's long
 * reads (reader-jobs.ts) beside the one writer on the main thread, so that no list, search,
 * count or suggestion can hold the app (docs/technotes/reader-threads.md). WAL lets every reader
 * see the last committed write without waiting for the writer.
 *
 * Two lanes: suggestions, the OPML export and checkpoints (slow jobs) run on the first thread
 * only, so a list or a search always finds a thread within one quick job's time. A suggestion job for another
 * article than the latest one asked about is cancelled: dropped while queued (answered with no
 * suggestions), told to stop through a shared flag while running (it answers with its best so far).
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Envelope } from '../../../../shared/bridge';
import { ApiError } from '../../../../shared/errors';
import { isSlowJob, suggestionArticle, type ReaderJob } from './reader-jobs';
import type { ReaderReply, ReaderRequest, ReaderWorkerData } from './reader-protocol';

/** How to build a pool. */
export interface ReaderPoolOptions {
  /** The built reader-worker.js. */
  workerScript: string;
  /** The database file the readers open (read-only). */
  file: string;
  nativeBinding?: string;
  /** Threads (default 2: one is always left for quick reads). */
  size?: number;
}

type Job = ReaderRequest & {
  slow: boolean;
  article: number | null;
  resolve: (envelope: Envelope) => void;
};

interface Slot {
  worker: Worker;
  running: Job | null;
  crash: Error | null;
}

/** What a superseded suggestion request answers: nothing to suggest (the reader has moved on). */
const SUPERSEDED: Envelope = { ok: true, result: [] };

/** Runs reader jobs on worker threads; never rejects (every outcome is an Envelope). */
export class ReaderPool {
  readonly #options: ReaderPoolOptions & { size: number };
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #latestArticle: number | null = null;
  #checkpoint: Promise<Envelope> | null = null;
  #closed = false;

  private constructor(options: ReaderPoolOptions) {
    this.#options = { ...options, size: Math.max(2, options.size ?? 2) };
  }

  /**
   * Returns a pool, or null where threads cannot read the library: an in-memory database (tests),
   * or no built worker script (vitest runs the TypeScript sources); reads then stay on the writer.
   */
  static create(options: ReaderPoolOptions): ReaderPool | null {
    if (options.file === ':memory:' || !existsSync(options.workerScript)) return null;
    const pool = new ReaderPool(options);
    // Started now so the first list does not wait for a thread to load SQLite and the schema,
    // and the first article opened finds the subscriptions' documents for related feeds built.
    for (let i = 0; i < pool.#options.size; i++) pool.#start();
    void pool.#enqueue({ kind: 'prepare' }, true, null);
    return pool;
  }

  /** Runs `job` on a reader thread and returns its Envelope. */
  run(job: ReaderJob): Promise<Envelope> {
    return this.#enqueue(job, isSlowJob(job), suggestionArticle(job));
  }

  /** Compacts the database on a thread (with a writable connection of its own there). */
  compact(): Promise<Envelope> {
    return this.#enqueue({ kind: 'compact' }, true, null);
  }

  /**
   * Checkpoints the WAL on a thread (PASSIVE: never waits for readers or the writer); while one
   * is queued or running, asking again returns the same.
   */
  checkpoint(): Promise<Envelope> {
    this.#checkpoint ??= this.#enqueue({ kind: 'checkpoint' }, true, null).finally(() => {
      this.#checkpoint = null;
    });
    return this.#checkpoint;
  }

  /**
   * Checkpoints the whole WAL on a thread and empties its file (TRUNCATE): what a compaction in
   * steps ends with. It waits for readers, and takes the writer's lock: the caller holds the
   * write gate.
   */
  truncateWal(): Promise<Envelope> {
    return this.#enqueue({ kind: 'checkpoint', truncate: true }, true, null);
  }

  /** Stops the threads; jobs not answered yet answer UNAVAILABLE. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const slots = this.#slots.splice(0);
    const unanswered = [...slots.flatMap((s) => (s.running ? [s.running] : [])), ...this.#queue];
    this.#queue.length = 0;
    for (const job of unanswered) job.resolve(closedEnvelope());
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #enqueue(job: ReaderRequest['job'], slow: boolean, article: number | null): Promise<Envelope> {
    if (this.#closed) return Promise.resolve(closedEnvelope());
    if (article !== null && article !== this.#latestArticle) {
      this.#latestArticle = article;
      this.#cancelSuggestionsBut(article);
    }
    return new Promise((resolve) => {
      const cancel = article === null ? null : new SharedArrayBuffer(4);
      this.#queue.push({ id: this.#nextId++, job, cancel, slow, article, resolve });
      this.#dispatch();
    });
  }

  /** Drops queued suggestion jobs of other articles and flags the running ones to stop. */
  #cancelSuggestionsBut(article: number): void {
    for (let i = this.#queue.length - 1; i >= 0; i--) {
      const job = this.#queue[i] as Job;
      if (job.article !== null && job.article !== article) {
        this.#queue.splice(i, 1);
        job.resolve(SUPERSEDED);
      }
    }
    for (const slot of this.#slots) {
      const job = slot.running;
      if (job?.cancel && job.article !== article) Atomics.store(new Int32Array(job.cancel), 0, 1);
    }
  }

  /**
   * Posts queued jobs to idle threads, first come first served. Slow jobs run on the first
   * thread only (its suggestion caches stay warm, and the others are always free for quick
   * reads); quick jobs run on any.
   */
  #dispatch(): void {
    for (;;) {
      const posted = this.#slots.some((slot, index) => {
        if (slot.running !== null) return false;
        const at = this.#queue.findIndex((job) => index === 0 || !job.slow);
        if (at < 0) return false;
        this.#post(slot, this.#queue.splice(at, 1)[0] as Job);
        return true;
      });
      if (!posted) return;
    }
  }

  #post(slot: Slot, job: Job): void {
    slot.running = job;
    slot.worker.ref();
    const request: ReaderRequest = { id: job.id, job: job.job, cancel: job.cancel };
    slot.worker.postMessage(request);
  }

  #start(): Slot {
    const data: ReaderWorkerData = {
      file: this.#options.file,
      nativeBinding: this.#options.nativeBinding,
    };
    const worker = new Worker(this.#options.workerScript, { workerData: data });
    const slot: Slot = { worker, running: null, crash: null };
    worker.on('message', (reply: ReaderReply) => this.#answer(slot, reply));
    worker.on('error', (error) => {
      slot.crash = error;
    });
    worker.on('exit', (code) => this.#exited(slot, code));
    // An idle thread must not keep a script (a test, the benchmark) alive.
    worker.unref();
    this.#slots.push(slot);
    return slot;
  }

  #answer(slot: Slot, reply: ReaderReply): void {
    const job = slot.running;
    if (!job || job.id !== reply.id) return;
    slot.running = null;
    slot.worker.unref();
    job.resolve(reply.envelope);
    this.#dispatch();
  }

  /**
   * A thread ended on its own (it could not open the library, an uncaught error, out of
   * memory): its job answers INTERNAL, and a new thread takes its place.
   */
  #exited(slot: Slot, code: number): void {
    const at = this.#slots.indexOf(slot);
    if (at < 0) return; // closed
    this.#slots.splice(at, 1);
    const cause = slot.crash?.message ?? `exit code ${code}`;
    console.error('[readers] a reader thread stopped:', slot.crash ?? code);
    if (slot.running) {
      const error = new ApiError('INTERNAL', `Folio's reader stopped while answering (${cause}).`);
      slot.running.resolve({ ok: false, ...error.toBody() });
    }
    // Replaced only when it died on a job: one that dies idle (it could not open the library)
    // would fail again at once. A replacement that fails as well answers the next queued job
    // INTERNAL in turn, so this ends once the queue is empty.
    if (!this.#closed && slot.running) this.#start();
    if (this.#slots.length === 0) {
      // No thread left to answer: what waits is told so, rather than waiting for ever.
      const error = new ApiError('INTERNAL', `Folio's reader could not start (${cause}).`);
      for (const job of this.#queue.splice(0)) job.resolve({ ok: false, ...error.toBody() });
    }
    this.#dispatch();
  }
}

function closedEnvelope(): Envelope {
  return { ok: false, ...new ApiError('UNAVAILABLE', 'Folio is closing.').toBody() };
}
