/**
 * How rare a word is in the library itself: the document frequencies that choose the article's
 * most distinctive words for "More like this". Each is read with one bounded statement (the
 * first SAMPLE articles holding the word, store.suggestions.termSample), exact for a word in
 * fewer articles than that and estimated from how densely the sample falls in the rowids for a
 * commoner one (docs/technotes/related-feeds.md, "Bounded work"), and kept for the next articles.
 */
import type { IdRange, SuggestionQueries } from '../../storage/suggestion-queries';

/**
 * How many articles holding a word are read to tell its frequency. Exact below it; above, the
 * estimate's relative error is about 1/√SAMPLE (12%), which moves an IDF by about 0.12. At 1M
 * articles a look-up costs ~0.17 ms with 64 and ~0.3 ms with 256: the seek is most of it.
 */
export const SAMPLE = 64;
/** How many words' frequencies are kept; beyond it the oldest half is forgotten. */
const MAX_WORDS = 100_000;

/** Returns a word as an FTS5 string: quoted, so no text is ever read as query syntax. */
export function ftsString(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** Returns an FTS5 expression matching any of `words`, each quoted as by ftsString. */
export function anyOf(words: readonly string[]): string {
  return words.map(ftsString).join(' OR ');
}

/** The library's document frequencies, as of one id range. */
export class LibraryVocabulary {
  readonly #df = new Map<string, number>();
  readonly #firstId: number;
  /** Articles the library spans (ids first to last: deleted ones count, as if still there). */
  readonly size: number;

  constructor(
    private readonly queries: SuggestionQueries,
    readonly range: IdRange,
  ) {
    this.#firstId = range.firstId ?? 0;
    this.size =
      range.firstId === null || range.lastId === null ? 0 : range.lastId - this.#firstId + 1;
  }

  /** True when `word`'s frequency is known without a query. */
  has(word: string): boolean {
    return this.#df.has(word);
  }

  /** Returns how many articles hold `word` (one token as the index splits text), at least 0. */
  df(word: string): number {
    const known = this.#df.get(word);
    if (known !== undefined) return known;
    const { count, lastId } = this.queries.termSample(ftsString(word), SAMPLE);
    let df = count;
    if (count >= SAMPLE && lastId !== null) {
      // The first SAMPLE holders spread over ids first..lastId: the same density over the rest.
      df = Math.min(this.size, Math.round((count * this.size) / (lastId - this.#firstId + 1)));
    }
    if (this.#df.size >= MAX_WORDS) this.#forgetOldest();
    this.#df.set(word, df);
    return df;
  }

  #forgetOldest(): void {
    let drop = this.#df.size / 2;
    for (const word of this.#df.keys()) {
      if (drop-- <= 0) break;
      this.#df.delete(word);
    }
  }
}
