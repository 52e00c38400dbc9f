/**
 * Refreshes due feeds in the background: every minute it asks the store which feeds are due
 * (their next_fetch_at has passed, see schedule.ts) and refreshes them. Off with
 * FOLIO_REFRESH=off (explicit refreshes still work).
 */
import type { Store } from '../../storage/store';
import type { Refresher } from './refresher';

const TICK_MS = 60_000;
/** The first look comes soon after start, once the window is up. */
const FIRST_TICK_MS = 5_000;

/** A timer that refreshes due feeds; at most one round at a time. */
export class RefreshScheduler {
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<unknown> | null = null;

  constructor(
    private readonly store: Store,
    private readonly refresher: Refresher,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the timer (idempotent). */
  start(): void {
    if (this.#timer) return;
    const tick = () => {
      void this.tick();
      this.#timer = setTimeout(tick, TICK_MS);
      this.#timer.unref();
    };
    this.#timer = setTimeout(tick, FIRST_TICK_MS);
    this.#timer.unref();
  }

  /** Stops the timer and waits for a running round to finish. */
  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#round;
  }

  /** Refreshes the feeds that are due now; resolves when done (or at once if a round runs). */
  async tick(): Promise<void> {
    if (this.#round) return;
    const due = this.store.feeds.dueIds(this.now());
    if (due.length === 0) return;
    this.#round = this.refresher.refreshMany(due).catch((error: unknown) => {
      console.error('[scheduler] refresh round failed:', error);
    });
    try {
      await this.#round;
    } finally {
      this.#round = null;
    }
  }
}
