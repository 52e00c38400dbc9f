/**
 * The search box's state: the query, debounced calls to `articles.search`, and the hits, one
 * per article (the best one first). Search stays out of `location.hash` on purpose: it is a
 * transient view over the list pane, and opening a hit selects `#/<source>/<id>` like any
 * article, so a reload reopens that article without replaying the query.
 */
import type { ApiClient } from '../../../shared/contract';
import type { SearchHit } from '../../../shared/model';
import { isApiError } from './api';

const DEBOUNCE_MS = 150;
const LIMIT = 100;

/** Full-text search over the library. */
export class SearchState {
  query = $state('');
  hits: SearchHit[] = $state([]);
  searching = $state(false);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;
  readonly #api: ApiClient;
  readonly #onfatal: (error: unknown) => void;

  /** Searches through `api`; `onfatal` receives failures that are not about the query. */
  constructor(api: ApiClient, onfatal: (error: unknown) => void) {
    this.#api = api;
    this.#onfatal = onfatal;
  }

  /** True while a query is typed: the list pane shows hits instead of the source. */
  get active(): boolean {
    return this.query.trim().length > 0;
  }

  /** The article ids of the hits, in order (for j/k). */
  get ids(): number[] {
    return this.hits.map((hit) => hit.articleId);
  }

  /** Sets the query and searches after a short pause in typing; an empty query clears. */
  setQuery(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    this.#generation++;
    if (!this.active) {
      this.#reset();
      return;
    }
    this.searching = true;
    this.#timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  /** Clears the query and the hits. */
  clear(): void {
    this.setQuery('');
  }

  /** Runs the current query now (also used to refresh hits after articles changed). */
  async run(): Promise<void> {
    if (!this.active) return;
    const generation = ++this.#generation;
    this.searching = true;
    try {
      const hits = await this.#api['articles.search']({ query: this.query, limit: LIMIT });
      if (generation !== this.#generation) return;
      this.hits = bestPerArticle(hits);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.hits = [];
      // A query the core refuses (BAD_REQUEST) just finds nothing; anything else is the app's.
      if (!isApiError(error, 'BAD_REQUEST')) this.#onfatal(error);
    } finally {
      if (generation === this.#generation) this.searching = false;
    }
  }

  #reset(): void {
    this.hits = [];
    this.searching = false;
  }
}

/** Keeps the first (best ranked) hit of each article, so that a row means one article. */
function bestPerArticle(hits: SearchHit[]): SearchHit[] {
  const seen: Record<number, true> = {};
  return hits.filter((hit) => !seen[hit.articleId] && (seen[hit.articleId] = true));
}
