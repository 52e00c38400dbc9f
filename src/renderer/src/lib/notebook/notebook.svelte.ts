/**
 * The notebook: every highlight and article note across the library (highlights.list and
 * notes.list), filtered by colour, feed and date, and searched as you type over quotes, notes
 * and article titles (client-side: the whole notebook is in memory, and a person's notebook is
 * thousands of items at most).
 */
import type { ApiClient } from '../../../../shared/contract';
import type { Highlight, HighlightColor, ListedNote } from '../../../../shared/model';

/** One row of the notebook: a highlight (with its note) or an article's note. */
export interface NotebookEntry {
  key: string;
  kind: 'highlight' | 'note';
  articleId: number;
  articleTitle: string;
  feedId: number | null;
  /** Highlights only. */
  highlightId: number | null;
  color: HighlightColor | null;
  quote: string;
  note: string;
  orphaned: boolean;
  /** When it was made (highlights) or last written (notes). */
  at: string;
}

/** The date filter: everything, or the last 7 or 30 days. */
export type DateRange = 'all' | '7' | '30';
/** Which feed: all, the library (articles without a feed), or one feed id. */
export type FeedFilter = 'all' | 'library' | number;

const DAY_MS = 86_400_000;

/** The notebook view's state. */
export class NotebookState {
  highlights: Highlight[] = $state([]);
  notes: ListedNote[] = $state([]);
  loaded = $state(false);
  loading = $state(false);
  color: HighlightColor | 'all' = $state('all');
  feed: FeedFilter = $state('all');
  range: DateRange = $state('all');
  newestFirst = $state(true);
  query = $state('');
  /** The outcome of the last import or export, for the status line. */
  message = $state('');
  readonly #api: ApiClient;

  /** Calls the core through `api`. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Every entry, newest first. */
  readonly all: NotebookEntry[] = $derived(toEntries(this.highlights, this.notes));
  /** The entries the filters and the search let through, in the chosen order. */
  readonly entries: NotebookEntry[] = $derived(this.#filter());
  /** The feeds that have entries (for the feed filter). */
  readonly feedIds: (number | null)[] = $derived(
    this.all.map((e) => e.feedId).filter((id, i, all) => all.indexOf(id) === i),
  );

  /** Loads (or reloads) everything. */
  async load(): Promise<void> {
    this.loading = true;
    try {
      const [highlights, notes] = await Promise.all([
        this.#api['highlights.list']({}),
        this.#api['notes.list'](),
      ]);
      this.highlights = highlights;
      this.notes = notes;
      this.loaded = true;
    } finally {
      this.loading = false;
    }
  }

  #filter(): NotebookEntry[] {
    const words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
    const since = this.range === 'all' ? null : Date.now() - Number(this.range) * DAY_MS;
    const list = this.all.filter((entry) => {
      if (this.color !== 'all' && entry.color !== this.color) return false;
      if (this.feed === 'library' && entry.feedId !== null) return false;
      if (typeof this.feed === 'number' && entry.feedId !== this.feed) return false;
      if (since !== null && Date.parse(entry.at) < since) return false;
      const haystack = `${entry.quote}\n${entry.note}\n${entry.articleTitle}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
    return this.newestFirst ? list : list.reverse();
  }
}

function toEntries(highlights: Highlight[], notes: ListedNote[]): NotebookEntry[] {
  const entries: NotebookEntry[] = [
    ...highlights.map((h) => ({
      key: `h${h.id}`,
      kind: 'highlight' as const,
      articleId: h.articleId,
      articleTitle: h.articleTitle,
      feedId: h.feedId,
      highlightId: h.id,
      color: h.color,
      quote: h.exact,
      note: h.note,
      orphaned: h.orphaned,
      at: h.createdAt,
    })),
    ...notes.map((n) => ({
      key: `n${n.articleId}`,
      kind: 'note' as const,
      articleId: n.articleId,
      articleTitle: n.articleTitle,
      feedId: n.feedId,
      highlightId: null,
      color: null,
      quote: '',
      note: n.body,
      orphaned: false,
      at: n.updatedAt,
    })),
  ];
  return entries.sort((a, b) => b.at.localeCompare(a.at));
}
