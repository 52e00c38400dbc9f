/**
 * How a highlight remembers its passage: the W3C Web Annotation TextQuoteSelector (the quote with
 * up to 32 characters of context on each side) together with a TextPositionSelector (offsets in
 * the article's text, UTF-16 code units, end exclusive). See docs/technotes/anchoring.md.
 */

/** Characters of prefix and suffix kept around a quote. */
export const CONTEXT_CHARS = 32;

/** A quote with its context and its offsets in the article's text. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/**
 * Returns the selector of `[start, end)` in `text`. An offset that falls between the two halves
 * of a surrogate pair is moved outwards so the quote holds whole characters; the context never
 * begins or ends with half a pair, so it may be 31 units long.
 * Throws a RangeError for offsets outside the text or in the wrong order (a caller's bug).
 */
export function describeRange(text: string, start: number, end: number): QuoteSelector {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new RangeError(`range [${start}, ${end}) is outside a text of ${text.length}`);
  }
  if (start > end) throw new RangeError(`range [${start}, ${end}) ends before it starts`);
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  let prefixStart = Math.max(0, start - CONTEXT_CHARS);
  if (splitsPair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_CHARS);
  if (splitsPair(text, suffixEnd)) suffixEnd--;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
    start,
    end,
  };
}

/** True when `i` lies between a high and a low surrogate. */
export function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
