/**
 * Whitespace-insensitive matching. The article text has single spaces, "\n" for <br> and "\n\n"
 * between blocks; a quote that comes from elsewhere (a browser's Selection.toString(), an
 * imported W3C annotation, an older version of the text) may have "\n" where the text has " ",
 * U+00A0 where it has a space, or a stray newline at its ends. Matching compares both sides
 * with every whitespace run collapsed to one space, then maps the match back to the real text.
 */

/** `\s` covers space, tab, CR, LF, FF, U+00A0, U+2000–U+200A, U+202F, U+3000 and friends. */
const WHITESPACE_RUN = /\s+/g;
const WHITESPACE = /\s/;

/** Returns `s` with each run of whitespace replaced by one space (its ends kept). */
export function normalizeForMatch(s: string): string {
  return s.replace(WHITESPACE_RUN, ' ');
}

/** Returns the quote as it is searched for: collapsed and trimmed (edge spaces mean nothing). */
export function normalizeQuote(exact: string): string {
  return normalizeForMatch(exact).trim();
}

/** True when the UTF-16 unit at `i` is whitespace by normalizeForMatch's rule. */
function isMatchSpace(text: string, i: number): boolean {
  return WHITESPACE.test(text.charAt(i));
}

/** A text with its whitespace collapsed, and where each of its characters came from. */
export interface CollapsedText {
  text: string;
  /** `toOriginal[i]` is the index in the original text of `text[i]`; one more entry for the end. */
  toOriginal: Int32Array;
}

/** Returns `original` collapsed by normalizeForMatch's rule, with its offset map. */
export function collapseWhitespace(original: string): CollapsedText {
  const toOriginal = new Int32Array(original.length + 1);
  let text = '';
  let n = 0;
  let runStart = 0;
  for (const match of original.matchAll(WHITESPACE_RUN)) {
    const at = match.index;
    for (let i = runStart; i < at; i++) toOriginal[n++] = i;
    text += original.slice(runStart, at) + ' ';
    toOriginal[n++] = at;
    runStart = at + match[0].length;
  }
  for (let i = runStart; i < original.length; i++) toOriginal[n++] = i;
  text += original.slice(runStart);
  toOriginal[n] = original.length;
  return { text, toOriginal: toOriginal.subarray(0, n + 1) };
}

/** Returns the index in `collapsed.text` of the character at (or first after) `original` index. */
export function toCollapsedIndex(collapsed: CollapsedText, original: number): number {
  const map = collapsed.toOriginal;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((map[mid] as number) < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Returns the range of the original text that `[start, end)` of `collapsed.text` covers, without
 * whitespace at its ends (a highlight never starts or ends on a collapsed run).
 */
export function toOriginalRange(
  original: string,
  collapsed: CollapsedText,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = collapsed.toOriginal[start] as number;
  let to = end > start ? (collapsed.toOriginal[end - 1] as number) + 1 : from;
  while (from < to && isMatchSpace(original, from)) from++;
  while (to > from && isMatchSpace(original, to - 1)) to--;
  return { start: from, end: to };
}
