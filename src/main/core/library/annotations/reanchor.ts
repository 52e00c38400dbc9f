/**
 * Re-anchoring at read time: every highlight the Api returns is placed in its article's current
 * text (position, then quote with context, then fuzzily: src/shared/anchoring). A refresh may
 * have rewritten other paragraphs since it was made; the new position is written back (only when
 * it moved). A quote that is not in the shown text is looked for in the article's other body
 * (the feed's text when the full text is shown) before it is called orphaned. Orphans are
 * computed, never deleted (docs/technotes/highlights-and-notes.md).
 */
import type { Highlight } from '../../../../shared/model';
import { createAnchorer, type Anchor, type QuoteSelector } from '../../../../shared/anchoring';
import { htmlToText } from '../../content/html-text';
import type { StoredHighlight } from '../../storage/highlights-table';
import type { Store } from '../../storage/store';

/** Where a quote was found: in the shown text, in the article's other body, or nowhere. */
export type Placement =
  { in: 'shown'; start: number; end: number } | { in: 'other'; start: number; end: number } | null;

type Anchorer = (selector: QuoteSelector) => Anchor | null;

/**
 * The texts of one article a quote may be in, each with its anchorer (which checks the stored
 * position first and builds its search index only when a quote has moved). The other body is
 * read and converted only when a quote is not in the shown text.
 */
export class ArticleTexts {
  readonly #shown: Anchorer;
  #other: Anchorer | null | undefined;

  constructor(
    private readonly store: Store,
    readonly articleId: number,
    readonly shown: string,
  ) {
    this.#shown = createAnchorer(shown);
  }

  /** Returns the anchor of `selector` in the shown text, or null. */
  inShown(selector: QuoteSelector): Anchor | null {
    return this.#shown(selector);
  }

  /**
   * Returns the anchor of `selector` in the body the reader does not show (the feed's HTML when
   * the full text is shown), or null, also when there is only one body.
   */
  inOther(selector: QuoteSelector): Anchor | null {
    if (this.#other === undefined) {
      const content = this.store.articles.content(this.articleId);
      const other =
        content && content.fullTextHtml !== null ? htmlToText(content.contentHtml) : null;
      this.#other = other === null || other === this.shown ? null : createAnchorer(other);
    }
    return this.#other ? this.#other(selector) : null;
  }
}

/** Returns where `selector` is in the article's texts, or null when it is in neither. */
export function placeQuote(texts: ArticleTexts, selector: QuoteSelector): Placement {
  const found = texts.inShown(selector);
  if (found) return { in: 'shown', start: found.start, end: found.end };
  const elsewhere = texts.inOther(selector);
  return elsewhere ? { in: 'other', start: elsewhere.start, end: elsewhere.end } : null;
}

/**
 * Returns the highlights placed in their articles' current texts, in the order given, writing
 * moved positions back. Positions stay in the shown text: a quote found only in the other body
 * keeps its last known offsets and is not orphaned (the article still holds it).
 */
export function reanchor(store: Store, highlights: readonly StoredHighlight[]): Highlight[] {
  if (highlights.length === 0) return [];
  const table = store.annotations.highlights;
  const shown = table.articleTexts(highlights.map((h) => h.articleId));
  const texts = new Map<number, ArticleTexts>();
  const moved: Highlight[] = [];
  const placed = highlights.map((highlight): Highlight => {
    let article = texts.get(highlight.articleId);
    if (!article) {
      article = new ArticleTexts(store, highlight.articleId, shown.get(highlight.articleId) ?? '');
      texts.set(highlight.articleId, article);
    }
    const place = placeQuote(article, highlight);
    if (place?.in !== 'shown') return { ...highlight, orphaned: place === null };
    const result = { ...highlight, start: place.start, end: place.end, orphaned: false };
    if (place.start !== highlight.start || place.end !== highlight.end) moved.push(result);
    return result;
  });
  // One short transaction for all the moves (a refresh that rewrote a feed moves many at once).
  if (moved.length > 0) {
    store.transaction(() => moved.forEach((h) => table.move(h.id, h.start, h.end)));
  }
  return placed;
}

/** Returns one article's highlights, re-anchored, in reading order. */
export function highlightsOfArticle(store: Store, articleId: number): Highlight[] {
  return reanchor(store, store.annotations.highlights.list({ articleId })).sort(
    (a, b) => a.start - b.start || a.id - b.id,
  );
}
