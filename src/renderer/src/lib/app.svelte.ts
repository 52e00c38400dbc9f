/**
 * The app controller: owns the selection (mirrored in `location.hash`), wires the sidebar, list,
 * search, refresh and reader states together, listens to pushed events, and turns "cannot reach
 * the library" failures into the full-page message.
 */
import type { FolioEvent } from '../../../shared/contract';
import { errorMessage, isApiError, onEvent } from './api';
import { ArticleListState } from './articles.svelte';
import { FeedsState } from './feeds.svelte';
import { ReaderState } from './reader.svelte';
import { RefreshState } from './refresh.svelte';
import { formatHash, parseHash, type Route, type SourceId } from './route';
import { SearchState } from './search.svelte';
import { SourcesState } from './sources.svelte';

/** Why the library cannot be used right now, shown full page with a Retry button. */
export interface Unreachable {
  code: string;
  message: string;
}

const FATAL_CODES = ['UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN'];

/** The whole renderer's state. */
export class AppState {
  readonly sources = new SourcesState();
  readonly list = new ArticleListState();
  readonly reader = new ReaderState();
  readonly search = new SearchState((error) => this.#fail(error));
  readonly refresh = new RefreshState();
  readonly feeds = new FeedsState({
    sources: this.sources,
    select: (source) => this.selectSource(source),
    current: () => this.route.source,
  });
  route: Route = $state(parseHash(location.hash));
  unreachable: Unreachable | null = $state(null);
  started = $state(false);
  #unsubscribe: (() => void) | null = null;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;

  /** Loads everything for the current hash; on failure shows the full-page message. */
  async start(): Promise<void> {
    this.unreachable = null;
    try {
      await Promise.all([this.sources.load(), this.list.load(this.route.source)]);
      this.started = true;
      this.#unsubscribe ??= onEvent((event) => this.#onEvent(event));
      if (this.route.articleId !== null) await this.#openInReader(this.route.articleId);
    } catch (error) {
      this.#fail(error, true);
    }
  }

  /** Stops listening to events. */
  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    clearTimeout(this.#reloadTimer);
    this.refresh.stop();
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

  /** Follows a hash changed by the user (back/forward, edited URL). */
  async followHash(): Promise<void> {
    const next = parseHash(location.hash);
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
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  #onEvent(event: FolioEvent): void {
    if (event.type === 'refresh') {
      this.refresh.progress(event.data);
      return;
    }
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => void this.#reload(), 250);
  }

  async #reload(): Promise<void> {
    try {
      await Promise.all([
        this.sources.load(),
        this.list.load(this.route.source, this.route.articleId),
        this.search.run(),
      ]);
    } catch (error) {
      this.#fail(error);
    }
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
