/**
 * Making articles available offline: runs `offline.make` for a feed, a folder or some
 * articles, follows its `offline` progress events for the bar, and keeps a status line of the
 * outcome ("42 articles ready offline · 3 incomplete").
 */
import type { ApiClient, Events } from '../../../shared/contract';
import type { OfflineResult } from '../../../shared/model';
import { errorMessage, isApiError } from './api';
import { counted } from './format';

const STATUS_MS = 10_000;
const HOLD_MS = 400;
const FATAL = ['UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN'];

/** What to make available offline: exactly one of a feed, a folder or some articles. */
export type OfflineTarget = { feedId: number } | { folder: string } | { articleIds: number[] };

/** Returns the status line for a finished run; incomplete articles are not counted as ready. */
function offlineSummary(result: OfflineResult): string {
  const ready = Math.max(0, result.articles - result.incomplete);
  const parts = [`${counted(ready, 'article')} ready offline`];
  if (result.incomplete > 0) parts.push(`${result.incomplete} incomplete`);
  return parts.join(' · ');
}

/** Progress and outcome of "Make available offline". */
export class OfflineJobState {
  /** True while the progress bar shows. */
  visible = $state(false);
  done = $state(0);
  total = $state(0);
  status: string | null = $state(null);
  running = $state(false);
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #statusTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #api: ApiClient;

  /** Calls the core through `api`. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /**
   * Makes `target` available offline; resolves with the result (null when it failed, the
   * status line then says why). Connection failures are rethrown for the app to show.
   */
  async run(target: OfflineTarget): Promise<OfflineResult | null> {
    if (this.running) return null;
    this.running = true;
    clearTimeout(this.#hideTimer);
    this.done = 0;
    this.total = 0;
    this.visible = true;
    this.#say('Making available offline…', false);
    try {
      const result = await this.#api['offline.make'](target);
      this.#say(offlineSummary(result));
      return result;
    } catch (error) {
      if (isApiError(error, ...FATAL)) throw error;
      this.#say(errorMessage(error));
      return null;
    } finally {
      this.running = false;
      if (this.total > 0) this.done = this.total;
      this.#hideTimer = setTimeout(() => (this.visible = false), HOLD_MS);
    }
  }

  /** Follows an `offline` progress event. */
  progress({ done, total }: Events['offline']): void {
    if (!this.running || total <= 0) return;
    this.done = Math.min(done, total);
    this.total = total;
  }

  /** Stops the timers (the app is going away). */
  stop(): void {
    clearTimeout(this.#hideTimer);
    clearTimeout(this.#statusTimer);
  }

  #say(status: string, fades = true): void {
    this.status = status;
    clearTimeout(this.#statusTimer);
    if (fades) this.#statusTimer = setTimeout(() => (this.status = null), STATUS_MS);
  }
}
