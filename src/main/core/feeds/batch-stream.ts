/**
 * The main thread's end of a feed a pipeline worker sends in batches (types.ts FeedInBatches):
 * it holds at most the batch being taken and the next one, asked for as soon as one is taken,
 * so the worker normalizes batch n + 1 while the main thread stores batch n.
 */
import type { FeedHead, FeedInBatches, ItemBatch } from './types';

/** What the stream asks of the pool. */
export interface BatchSource {
  /** Asks the worker for the next batch. */
  request(): void;
  /** Tells the worker the rest is not wanted. */
  cancel(): void;
}

/** A FeedInBatches fed by the pool as the worker's messages come. */
export class BatchStream implements FeedInBatches {
  readonly head: FeedHead;
  readonly #source: BatchSource;
  /** Batches come one at a time: at most one arrived and not taken. */
  #arrived: ItemBatch | null;
  #waiting: { resolve: (batch: ItemBatch) => void; reject: (error: Error) => void } | null = null;
  #failure: Error | null = null;
  /** True once the last batch arrived, the stream failed or was cancelled. */
  #ended: boolean;

  constructor(head: FeedHead, first: ItemBatch, source: BatchSource) {
    this.head = head;
    this.#arrived = first;
    this.#ended = first.last;
    this.#source = source;
  }

  /** True once nothing more will come from the worker. */
  get ended(): boolean {
    return this.#ended;
  }

  next(): Promise<ItemBatch> {
    if (this.#arrived) return Promise.resolve(this.#take());
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#ended || this.#waiting) {
      return Promise.reject(new Error('A feed was asked for a batch after its last.'));
    }
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  cancel(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#arrived = null;
    this.#source.cancel();
  }

  /** A batch the worker sent. */
  deliver(batch: ItemBatch): void {
    if (this.#ended) return; // came after a cancel
    this.#ended = batch.last;
    if (!this.#waiting) {
      this.#arrived = batch;
      return;
    }
    const waiting = this.#waiting;
    this.#waiting = null;
    this.#arrived = batch;
    waiting.resolve(this.#take());
  }

  /** The worker failed (normalizing threw, it died, the pool closed): the next take rejects. */
  fail(error: Error): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#failure = error;
    this.#arrived = null;
    this.#waiting?.reject(error);
    this.#waiting = null;
  }

  /** Hands the arrived batch over and asks for the one after it. */
  #take(): ItemBatch {
    const batch = this.#arrived as ItemBatch;
    this.#arrived = null;
    if (!batch.last) this.#source.request();
    return batch;
  }
}
