/**
 * Runs retention in the background: a minute after start (once the first refreshes are under
 * way, not competing with the window coming up), then once a day. Started with the refresh
 * scheduler, so FOLIO_REFRESH=off turns it off too; `library.cleanup` still works.
 */
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import { cleanUp } from './retention';
import type { WriteGate } from '../write-gate';

const FIRST_RUN_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A timer that applies retention a minute after start, then every day. */
export class RetentionScheduler {
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(
    private readonly store: Store,
    private readonly events: EventHub,
    private readonly now: () => number = Date.now,
    /** Where its steps wait while an old library is compacted on a thread. */
    private readonly gate?: WriteGate,
  ) {}

  /** Starts the timer (idempotent). */
  start(): void {
    if (this.#timer) return;
    this.#stopped = false;
    this.#schedule(FIRST_RUN_MS);
  }

  /** Stops the timer; a pass under way stops before its next step. */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#stopped = true;
  }

  /** Applies retention once; logs rather than throws, so a failure waits for the next day. */
  async run(): Promise<void> {
    try {
      await cleanUp(this.store, this.events, this.now(), {
        stopped: () => this.#stopped,
        gate: this.gate,
      });
    } catch (error) {
      console.error('[retention] clean-up failed:', error);
    }
  }

  #schedule(delay: number): void {
    this.#timer = setTimeout(() => {
      void this.run();
      if (this.#timer) this.#schedule(DAY_MS);
    }, delay);
    this.#timer.unref();
  }
}
