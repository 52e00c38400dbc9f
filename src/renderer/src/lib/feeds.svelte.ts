/**
 * Subscribing and managing feeds: which feed dialog is open (add, rename, unsubscribe) and the
 * calls behind them. Each action resolves to an error message for its dialog, or null.
 */
import type { ApiClient } from '../../../shared/contract';
import type { Feed } from '../../../shared/model';
import { errorMessage } from './api';
import {
  BAD_URL_MESSAGE,
  addFeedMessage,
  conflictingFeedId,
  looksLikeHttpUrl,
} from './feed-errors';
import type { SourceId } from './route';
import type { SourcesState } from './sources.svelte';

/** The feed dialog on screen, if any. */
export type FeedDialog =
  { kind: 'add' } | { kind: 'rename'; feed: Feed } | { kind: 'unsubscribe'; feed: Feed };

/** What a feed's actions menu can ask for. */
export type FeedAction = 'refresh' | 'offline' | 'fullText' | 'move' | 'rename' | 'unsubscribe';

/** What the feed actions need from the app. */
export interface FeedsDeps {
  sources: SourcesState;
  /** Shows a source in the list pane. */
  select: (source: SourceId) => Promise<void>;
  /** The source shown now (to leave a feed that was just unsubscribed). */
  current: () => SourceId;
}

/** Feed subscription actions and their dialogs. */
export class FeedsState {
  dialog: FeedDialog | null = $state(null);
  readonly #api: ApiClient;
  readonly #deps: FeedsDeps;

  /** Calls the core through `api`; `deps` is what the actions change in the app. */
  constructor(api: ApiClient, deps: FeedsDeps) {
    this.#api = api;
    this.#deps = deps;
  }

  /** Opens a dialog (replacing any other). */
  open(dialog: FeedDialog): void {
    this.dialog = dialog;
  }

  /** Closes the dialog. */
  close(): void {
    this.dialog = null;
  }

  /**
   * Subscribes to `url` (the core fetches it first, which can take a while). On success the
   * dialog closes and the new feed is selected; when already subscribed, that feed is selected.
   */
  async add(url: string, folder: string): Promise<string | null> {
    if (!looksLikeHttpUrl(url)) return BAD_URL_MESSAGE;
    const { sources, select } = this.#deps;
    try {
      const feed = await this.#api['feeds.add']({
        url: url.trim(),
        folder: folder.trim() || undefined,
      });
      await sources.load();
      if (this.dialog?.kind === 'add') this.close();
      await select(`feed-${feed.id}`);
      return null;
    } catch (error) {
      const existing = conflictingFeedId(error, url, sources.feeds);
      if (existing !== null) await select(`feed-${existing}`);
      return addFeedMessage(error);
    }
  }

  /** Renames `feed` and moves it to `folder` (empty: no folder). */
  async rename(feed: Feed, title: string, folder: string): Promise<string | null> {
    if (!title.trim()) return 'Give the feed a name.';
    try {
      await this.#api['feeds.update']({
        id: feed.id,
        title: title.trim(),
        folder: folder.trim() || null,
      });
      await this.#deps.sources.load();
      this.close();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  /** Unsubscribes from `feed`; leaves its view when it was shown. */
  async unsubscribe(feed: Feed): Promise<string | null> {
    const { sources, select, current } = this.#deps;
    try {
      await this.#api['feeds.remove']({ id: feed.id });
      this.close();
      if (current() === `feed-${feed.id}`) await select('all');
      await sources.load();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }
}
