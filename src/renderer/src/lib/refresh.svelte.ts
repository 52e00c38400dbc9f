/**
 * The refresh state: runs `feeds.refresh`, follows its `refresh` progress events (also those
 * of scheduled refreshes), and keeps a short status line of the outcome.
 */
import type { ApiClient, Events } from '../../../shared/contract';
import type { RefreshResult } from '../../../shared/model';
import { errorMessage, isApiError } from './api';

const STATUS_MS = 8_000;
/** The bar stays full this long after the end, so that a fast refresh is still seen. */
const HOLD_MS = 400;
const FATAL = ['UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN'];

/** Returns the status line for a finished refresh, e.g. "12 new articles · 2 feeds failed". */
function refreshSummary(result: RefreshResult): string {
  const n = result.newArticles;
  const parts = [n === 0 ? 'No new articles' : n === 1 ? '1 new article' : `${n} new articles`];
  const failed = result.errors.length;
  if (failed > 0) parts.push(failed === 1 ? '1 feed failed' : `${failed} feeds failed`);
  return parts.join(' · ');
}

/** Progress and outcome of feed refreshes. */
export class RefreshState {
  /** True while the progress bar shows. */
  visible = $state(false);
  done = $state(0);
  total = $state(0);
  status: string | null = $state(null);
  #calls = $state(0);
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  #statusTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #api: ApiClient;

  /** Calls the core through `api`. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** True while a refresh asked for here has not answered. */
  get running(): boolean {
    return this.#calls > 0;
  }

  /**
   * Refreshes one feed (`id`) or all; resolves when it is done. Connection failures are
   * rethrown for the app to show; anything else becomes the status line.
   */
  async run(id?: number): Promise<void> {
    this.#calls++;
    this.#begin();
    try {
      const result = await this.#api['feeds.refresh'](id === undefined ? {} : { id });
      this.say(refreshSummary(result));
    } catch (error) {
      if (isApiError(error, ...FATAL)) throw error;
      this.say(errorMessage(error));
    } finally {
      this.#calls--;
      if (this.#calls === 0) this.#end();
    }
  }

  /** Follows a `refresh` event (ours or a scheduled one). */
  progress({ done, total }: Events['refresh']): void {
    if (total <= 0) return;
    if (!this.visible) this.#begin();
    this.done = Math.min(done, total);
    this.total = total;
    if (done >= total && this.#calls === 0) this.#end();
  }

  /** Stops the timers (the app is going away). */
  stop(): void {
    clearTimeout(this.#hideTimer);
    clearTimeout(this.#statusTimer);
  }

  #begin(): void {
    clearTimeout(this.#hideTimer);
    if (!this.visible) {
      this.done = 0;
      this.total = 0;
    }
    this.visible = true;
  }

  #end(): void {
    if (this.total > 0) this.done = this.total;
    clearTimeout(this.#hideTimer);
    this.#hideTimer = setTimeout(() => (this.visible = false), HOLD_MS);
  }

  /** Shows `status` in the status line for a few seconds. */
  say(status: string): void {
    this.status = status;
    clearTimeout(this.#statusTimer);
    this.#statusTimer = setTimeout(() => (this.status = null), STATUS_MS);
  }
}
