/**
 * Suggestions for the open article: related feeds (feeds.related: its site's feeds, the feeds of
 * sites it links to, the shipped catalog, ranked against its text; offline the catalog still
 * answers) and "More like this" from the library (articles.related). One click subscribes to a
 * suggested feed; a subscription kept because the network is down counts as followed.
 */
import type { ApiClient } from '../../../shared/contract';
import type { ArticleSummary, RelatedFeed } from '../../../shared/model';
import { errorMessage, isApiError } from './api';
import { addFeedMessage } from './feed-errors';

/** How many related articles are shown under an article. */
const MORE_LIKE_THIS = 5;

/** Where one suggested feed stands. */
export type FollowState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'following'; note: string | null }
  | { kind: 'failed'; message: string };

const FATAL = ['UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN'];

/** The suggestions under one article. */
export class RelatedState {
  articleId: number | null = $state(null);
  feeds: RelatedFeed[] = $state([]);
  articles: ArticleSummary[] = $state([]);
  /** True until the related feeds have arrived ("More like this" may come first). */
  loading = $state(false);
  /** Why the feed suggestions could not be had (they are optional: the article still shows). */
  error: string | null = $state(null);
  /** Subscriptions made from the panel, by feed URL. */
  follow: Record<string, FollowState> = $state({});
  #request = 0;
  readonly #api: ApiClient;

  /** Calls the core through `api`. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** The largest score, for the bars (scores are only compared within one list). */
  readonly topScore: number = $derived(Math.max(0, ...this.feeds.map((f) => f.score)));

  /**
   * Loads the suggestions for article `id`: each list shows as soon as it arrives ("More like
   * this" is local and quick; related feeds may wait on the article's sites), and answers for an
   * article the reader has left are dropped. Resolves when both have settled.
   */
  async load(id: number): Promise<void> {
    const request = ++this.#request;
    this.articleId = id;
    this.loading = true;
    this.error = null;
    this.feeds = [];
    this.articles = [];
    this.follow = {};
    const current = () => request === this.#request;
    const api = this.#api;
    const feeds = api['feeds.related']({ articleId: id })
      .then(
        (value) => {
          if (current()) this.feeds = value;
        },
        (error: unknown) => {
          if (current()) this.error = quiet(error);
        },
      )
      .finally(() => {
        if (current()) this.loading = false;
      });
    // "More like this" is optional: without it the article simply shows none.
    const articles = api['articles.related']({ id, limit: MORE_LIKE_THIS }).then(
      (value) => {
        if (current()) this.articles = value.filter((a) => a.id !== id).slice(0, MORE_LIKE_THIS);
      },
      () => undefined,
    );
    await Promise.all([feeds, articles]);
  }

  /** Where the feed at `url` stands: followed already, being subscribed, or idle. */
  state(feed: RelatedFeed): FollowState {
    return this.follow[feed.url] ?? (feed.subscribed ? { kind: 'following', note: null } : IDLE);
  }

  /** Subscribes to `feed`; the row then says "Following" (or why it could not). */
  async subscribe(feed: RelatedFeed): Promise<void> {
    if (this.state(feed).kind !== 'idle' && this.state(feed).kind !== 'failed') return;
    this.follow[feed.url] = { kind: 'busy' };
    try {
      const added = await this.#api['feeds.add']({ url: feed.url });
      // Kept unfetched (network down), it is named after its host: the suggestion's name says
      // more in the sidebar until the first fetch brings the feed's own title.
      if (added.lastFetchedAt === null && added.title !== feed.title) {
        await this.#api['feeds.update']({ id: added.id, title: feed.title });
      }
      this.follow[feed.url] = {
        kind: 'following',
        note: added.lastError ? 'Will fetch it when the network is back' : null,
      };
    } catch (error) {
      if (isApiError(error, ...FATAL)) throw error;
      this.follow[feed.url] = isApiError(error, 'CONFLICT')
        ? { kind: 'following', note: null }
        : { kind: 'failed', message: addFeedMessage(error) };
    }
  }
}

const IDLE: FollowState = { kind: 'idle' };

function quiet(error: unknown): string {
  if (isApiError(error, ...FATAL)) throw error;
  return `Related feeds could not be found: ${errorMessage(error)}`;
}
