/** The article list's state: one source's articles, newest first, paged by cursor. */
import type { ApiClient } from '../../../shared/contract';
import type { ArticleSummary } from '../../../shared/model';
import { listParams, type SourceId } from './route';

const PAGE_SIZE = 100;

/** The articles of the selected source. */
export class ArticleListState {
  items: ArticleSummary[] = $state([]);
  nextCursor: string | null = $state(null);
  loading = $state(false);
  source: SourceId = $state('all');
  #generation = 0;
  readonly #api: ApiClient;

  /** `api` is the connection to the core. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /**
   * Loads the first page of `source`. With `keepId`, an article that dropped out of the list
   * (say it was just read in Unread) stays where it was, so the list does not jump under the
   * reader; it goes away on the next change of source.
   */
  async load(source: SourceId, keepId: number | null = null): Promise<void> {
    const generation = ++this.#generation;
    const sameSource = source === this.source;
    this.source = source;
    if (source === 'notebook') {
      // The notebook lists highlights and notes (lib/notebook), not articles.
      this.items = [];
      this.nextCursor = null;
      return;
    }
    this.loading = true;
    try {
      const page = await this.#api['articles.list']({ ...listParams(source), limit: PAGE_SIZE });
      if (generation !== this.#generation) return;
      const items = page.items;
      if (sameSource && keepId !== null && !items.some((a) => a.id === keepId)) {
        keepInPlace(items, this.items, keepId);
      }
      this.items = items;
      this.nextCursor = page.nextCursor;
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** Appends the next page, if there is one. */
  async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loading) return;
    const generation = this.#generation;
    this.loading = true;
    try {
      const page = await this.#api['articles.list']({
        ...listParams(this.source),
        limit: PAGE_SIZE,
        cursor: this.nextCursor,
      });
      if (generation !== this.#generation) return;
      const known: Record<number, true> = {};
      for (const item of this.items) known[item.id] = true;
      this.items.push(...page.items.filter((a) => !known[a.id]));
      this.nextCursor = page.nextCursor;
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** The index of article `id` in the list, or -1. */
  indexOf(id: number | null): number {
    return id === null ? -1 : this.items.findIndex((a) => a.id === id);
  }

  /** Replaces an item with a fresher summary (after read/starred changed). */
  patch(summary: ArticleSummary): void {
    const index = this.indexOf(summary.id);
    if (index >= 0) this.items[index] = summary;
  }
}

/**
 * Puts article `id` of the `shown` list back into `items` right after the nearest article that
 * was above it and still is there (first when none is). By neighbours, not by date: the core
 * orders by a date of its own (an article without a published date, like the seed, has one), so
 * a place found by `publishedAt` could move the article.
 */
function keepInPlace(items: ArticleSummary[], shown: ArticleSummary[], id: number): void {
  const at = shown.findIndex((a) => a.id === id);
  const kept = shown[at];
  if (!kept) return;
  const index: Record<number, number> = {};
  items.forEach((a, i) => (index[a.id] = i));
  for (let i = at - 1; i >= 0; i--) {
    const above = index[shown[i]!.id];
    if (above !== undefined) {
      items.splice(above + 1, 0, kept);
      return;
    }
  }
  items.unshift(kept);
}
