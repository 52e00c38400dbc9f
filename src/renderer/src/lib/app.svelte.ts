/**
 * The app controller: owns the selection (mirrored in `location.hash`), wires the sidebar, list,
 * search, refresh and reader states together, follows pushed events (app-events.ts), and turns
 * "cannot reach the library" failures into the full-page message. It is given the Api client and
 * the event subscription, and hands the client to every state it builds.
 */
import type { ApiClient } from '../../../shared/contract';
import type { Feed } from '../../../shared/model';
import { errorMessage, isApiError, type SubscribeEvents } from './api';
import { followEvents } from './app-events';
import { ArticleListState } from './articles.svelte';
import { AnnotationsState } from './highlights/annotations.svelte';
import { NotebookState } from './notebook/notebook.svelte';
import { replayDrafts } from './notes/drafts';
import { looksLikeHttpUrl, BAD_URL_MESSAGE } from './feed-errors';
import { FeedsState } from './feeds.svelte';
import { FoldersState } from './folders.svelte';
import { OpmlState } from './opml.svelte';
import { OfflineJobState, type OfflineTarget } from './offline.svelte';
import { OnlineState } from './online.svelte';
import { ReaderState } from './reader.svelte';
import { RefreshState } from './refresh.svelte';
import {
  formatHash,
  locationHash,
  parseHash,
  type HashStore,
  type Route,
  type SourceId,
} from './route';
import { conflictingArticleId, savePageMessage } from './save-page';
import { SearchState } from './search.svelte';
import { SettingsState } from './settings.svelte';
import { SourcesState } from './sources.svelte';

/** Why the library cannot be used right now, shown full page with a Retry button. */
export interface Unreachable {
  code: string;
  message: string;
}

/** What the app is built from. */
export interface AppDeps {
  /** The typed Api (connect() in the app). */
  api: ApiClient;
  /** The events the core pushes. */
  subscribe: SubscribeEvents;
  /** Where the selection is kept; the page's `location.hash` by default. */
  hash?: HashStore;
}

const FATAL_CODES = ['UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN'];

/** The whole renderer's state. */
export class AppState {
  readonly sources: SourcesState;
  readonly list: ArticleListState;
  readonly reader: ReaderState;
  readonly search: SearchState;
  readonly refresh: RefreshState;
  readonly online = new OnlineState();
  readonly settings: SettingsState;
  readonly offline: OfflineJobState;
  readonly annotations: AnnotationsState;
  readonly notebook: NotebookState;
  readonly feeds: FeedsState;
  readonly folders: FoldersState;
  readonly opml: OpmlState;
  route: Route = $state({ source: 'all', articleId: null });
  unreachable: Unreachable | null = $state(null);
  started = $state(false);
  /** True while the "Save a page" dialog is open. */
  savingPage = $state(false);
  readonly #api: ApiClient;
  readonly #subscribe: SubscribeEvents;
  readonly #hash: HashStore;
  #stopEvents: (() => void) | null = null;

  /** Builds every state over `api`; the selection starts from the hash. */
  constructor({ api, subscribe, hash = locationHash }: AppDeps) {
    this.#api = api;
    this.#subscribe = subscribe;
    this.#hash = hash;
    this.sources = new SourcesState(api);
    this.list = new ArticleListState(api);
    this.reader = new ReaderState(api);
    this.search = new SearchState(api, (error) => this.#fail(error));
    this.refresh = new RefreshState(api);
    this.settings = new SettingsState(api);
    this.offline = new OfflineJobState(api);
    this.annotations = new AnnotationsState(api);
    this.notebook = new NotebookState(api);
    this.feeds = new FeedsState(api, {
      sources: this.sources,
      select: (source) => this.selectSource(source),
      current: () => this.route.source,
    });
    this.folders = new FoldersState(api, this.sources);
    this.opml = new OpmlState(api);
    this.route = parseHash(hash.read());
  }

  /** Loads everything for the current hash; on failure shows the full-page message. */
  async start(): Promise<void> {
    this.unreachable = null;
    try {
      await Promise.all([
        this.sources.load(),
        this.list.load(this.route.source),
        this.settings.load(),
      ]);
      this.online.start();
      // Notes typed just before the last reload or quit whose save had not got through.
      void replayDrafts(this.#api);
      this.started = true;
      this.#stopEvents ??= followEvents(this, this.#subscribe, (error) => this.#fail(error));
      if (this.route.articleId !== null) await this.#openInReader(this.route.articleId);
    } catch (error) {
      this.#fail(error, true);
    }
  }

  /** Stops listening to events. */
  stop(): void {
    this.#stopEvents?.();
    this.#stopEvents = null;
    this.refresh.stop();
    this.offline.stop();
    this.online.stop();
  }

  /** Shows another source (leaving any search); the reader is closed. */
  async selectSource(source: SourceId): Promise<void> {
    this.search.clear();
    if (source === this.route.source && this.route.articleId === null) return;
    this.#setRoute({ source, articleId: null });
    this.reader.clear();
    await this.list.load(source).catch((error) => this.#fail(error));
  }

  /** Opens article `id` of the current list in the reader. */
  async openArticle(id: number): Promise<void> {
    if (id === this.route.articleId && this.reader.article?.id === id) return;
    this.#setRoute({ source: this.route.source, articleId: id });
    await this.#openInReader(id);
  }

  /** Opens article `articleId` at highlight `highlightId` (scrolled to and flashed). */
  async openAnnotation(articleId: number, highlightId: number | null): Promise<void> {
    this.annotations.jumpTo = highlightId;
    if (this.reader.article?.id === articleId) return;
    await this.openArticle(articleId);
  }

  /** Moves the selection by `delta` articles (j/k) in the list or the search hits. */
  async move(delta: number): Promise<void> {
    const ids = this.search.active ? this.search.ids : this.list.items.map((a) => a.id);
    if (ids.length === 0) return;
    const index = this.route.articleId === null ? -1 : ids.indexOf(this.route.articleId);
    const target = index < 0 ? 0 : Math.min(ids.length - 1, Math.max(0, index + delta));
    const id = ids[target];
    if (id !== undefined) await this.openArticle(id);
    if (!this.search.active && target >= ids.length - 5) {
      void this.list.loadMore().catch((e) => this.#fail(e));
    }
  }

  /** Refreshes every feed (or feed `id`); the outcome shows in the status line. */
  async refreshFeeds(id?: number): Promise<void> {
    if (id === undefined && this.refresh.running) return;
    await this.refresh.run(id).catch((error) => this.#fail(error));
  }

  /** Stars or unstars the open article. */
  async toggleStar(): Promise<void> {
    try {
      const summary = await this.reader.toggleStar();
      if (summary) this.list.patch(summary);
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Fetches the full web page of the open article (the reader shows how it went). */
  async fetchFullText(): Promise<void> {
    await this.reader.fetchFullText().catch((error) => this.#fail(error));
  }

  /**
   * Makes a feed, a folder or some articles available offline; the open article is then
   * loaded again so that it shows its stored images.
   */
  async makeOffline(target: OfflineTarget): Promise<void> {
    try {
      const result = await this.offline.run(target);
      if (result && this.reader.article) await this.reader.reload();
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Turns "Always fetch full text" on or off for `feed`. */
  async setFeedFullText(feed: Feed, fullText: boolean): Promise<void> {
    try {
      await this.#api['feeds.update']({ id: feed.id, fullText });
      await this.sources.load();
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * Saves the web page at `url` as a library article and opens it in Library; resolves to a
   * message for the dialog, or null on success.
   */
  async savePage(url: string): Promise<string | null> {
    if (!looksLikeHttpUrl(url)) return BAD_URL_MESSAGE;
    let id: number | null;
    try {
      id = (await this.#api['articles.save']({ url: url.trim() })).id;
    } catch (error) {
      if (isApiError(error, 'UNAUTHORIZED', 'FORBIDDEN')) this.#fail(error);
      id = conflictingArticleId(error);
      if (id === null) return savePageMessage(error);
    }
    this.savingPage = false;
    await this.selectSource('library');
    await this.openArticle(id);
    await this.sources.load().catch((error) => this.#fail(error));
    return null;
  }

  /** Follows a hash changed by the user (back/forward, edited URL). */
  async followHash(): Promise<void> {
    const next = parseHash(this.#hash.read());
    if (formatHash(next) === formatHash(this.route)) return;
    const sourceChanged = next.source !== this.route.source;
    this.route = next;
    if (sourceChanged) await this.list.load(next.source).catch((e) => this.#fail(e));
    if (next.articleId === null) this.reader.clear();
    else await this.#openInReader(next.articleId);
  }

  async #openInReader(id: number): Promise<void> {
    try {
      const summary = await this.reader.open(id);
      if (summary) {
        this.list.patch(summary);
        this.sources.decrementUnread(summary.feedId);
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  #setRoute(route: Route): void {
    this.route = route;
    const hash = formatHash(route);
    if (this.#hash.read() !== hash) this.#hash.replace(hash);
  }

  #fail(error: unknown, starting = false): void {
    if (starting || isApiError(error, ...FATAL_CODES)) {
      this.unreachable = {
        code: isApiError(error) ? error.code : 'INTERNAL',
        message: errorMessage(error),
      };
      return;
    }
    console.error('[folio]', error);
  }
}
