/**
 * The highlights and the note of the open article: creating, recolouring and deleting highlights
 * (with an undo that re-creates a deleted one with the same quote, colour and note), the colour
 * last used (kept across sessions), and a highlight to jump to once the article is painted.
 */
import type { QuoteSelector } from '../../../../shared/anchoring';
import type { ApiClient } from '../../../../shared/contract';
import {
  HIGHLIGHT_COLORS,
  type Article,
  type ArticleNote,
  type Highlight,
  type HighlightColor,
} from '../../../../shared/model';

const LAST_COLOR_KEY = 'folio.highlightColor';
const UNDO_MS = 8000;

/** A deleted highlight that "Undo" can bring back, until the toast goes. */
export interface Deleted {
  highlight: Highlight;
}

/** The annotations of the article in the reader. */
export class AnnotationsState {
  articleId: number | null = $state(null);
  /** In creation order (segmentRanges breaks ties by it). */
  highlights: Highlight[] = $state([]);
  note: ArticleNote | null = $state(null);
  lastColor: HighlightColor = $state(storedColor());
  deleted: Deleted | null = $state(null);
  /** A highlight to scroll to and flash once painted (from the notebook or search). */
  jumpTo: number | null = $state(null);
  error: string | null = $state(null);
  /** Highlights the reader could not place in the body it shows (or the core's orphans). */
  unplaced: Highlight[] = $state([]);
  #undoTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #api: ApiClient;

  /** Calls the core through `api`. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Takes the annotations of a freshly loaded article. */
  show(article: Article): void {
    if (article.id !== this.articleId) this.error = null;
    this.articleId = article.id;
    this.highlights = byCreation(article.highlights ?? []);
    this.note = article.note ?? null;
  }

  /** Forgets the article (the reader closed). */
  clear(): void {
    this.articleId = null;
    this.highlights = [];
    this.note = null;
    this.unplaced = [];
  }

  /** Loads the open article's highlights again (they changed elsewhere). */
  async refresh(articleId: number): Promise<void> {
    if (articleId !== this.articleId) return;
    const highlights = await this.#api['highlights.list']({ articleId });
    if (articleId === this.articleId) this.highlights = byCreation(highlights);
  }

  /** Highlights `selector` in `color` (the last used by default); returns the new highlight. */
  async create(selector: QuoteSelector, color = this.lastColor, note = ''): Promise<Highlight> {
    const articleId = this.articleId;
    if (articleId === null) throw new Error('no article is open');
    this.remember(color);
    const highlight = await this.#api['highlights.create']({ articleId, ...selector, color, note });
    if (articleId === this.articleId) this.highlights = [...this.highlights, highlight];
    return highlight;
  }

  /** Changes the colour of `highlight`. */
  async recolor(highlight: Highlight, color: HighlightColor): Promise<void> {
    this.remember(color);
    const updated = await this.#api['highlights.update']({ id: highlight.id, color });
    this.#replace(updated);
  }

  /** Records a note the core stored for highlight `id` (NoteSaver's onsaved). */
  noted(id: number, note: string): void {
    const highlight = this.highlights.find((h) => h.id === id);
    if (highlight) highlight.note = note;
  }

  /** Deletes `highlight`; "Undo" brings it back for a few seconds. */
  async remove(highlight: Highlight): Promise<void> {
    await this.#api['highlights.delete']({ id: highlight.id });
    this.highlights = this.highlights.filter((h) => h.id !== highlight.id);
    clearTimeout(this.#undoTimer);
    this.deleted = { highlight };
    this.#undoTimer = setTimeout(() => (this.deleted = null), UNDO_MS);
  }

  /** Re-creates the last deleted highlight with the same quote, context, colour and note. */
  async undo(): Promise<void> {
    const deleted = this.deleted;
    if (!deleted) return;
    clearTimeout(this.#undoTimer);
    this.deleted = null;
    const { articleId, exact, prefix, suffix, start, end, color, note } = deleted.highlight;
    const highlight = await this.#api['highlights.create']({
      ...{ articleId, exact, prefix, suffix, start, end, color, note },
    });
    if (articleId === this.articleId) this.highlights = [...this.highlights, highlight];
  }

  /** Hides the undo toast. */
  dismissUndo(): void {
    clearTimeout(this.#undoTimer);
    this.deleted = null;
  }

  /** Remembers `color` as the one `h` uses. */
  remember(color: HighlightColor): void {
    this.lastColor = color;
    try {
      localStorage.setItem(LAST_COLOR_KEY, color);
    } catch {
      // Not kept across sessions then; nothing else depends on it.
    }
  }

  #replace(updated: Highlight): void {
    const index = this.highlights.findIndex((h) => h.id === updated.id);
    if (index >= 0) this.highlights[index] = updated;
  }
}

function storedColor(): HighlightColor {
  try {
    const color = localStorage.getItem(LAST_COLOR_KEY);
    return HIGHLIGHT_COLORS.find((c) => c === color) ?? 'yellow';
  } catch {
    return 'yellow';
  }
}

function byCreation(highlights: Highlight[]): Highlight[] {
  return [...highlights].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}
