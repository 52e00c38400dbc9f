/**
 * How alike two short strings are, for scoring a candidate's context (as Hypothesis's
 * matchQuote does): 1 − the edit distance of the best approximate occurrence of `expected` in
 * `actual`, over the length of `expected`.
 */
import approxSearch from 'approx-string-match';

/** Returns a score in [0, 1]; 1 when `expected` occurs in `actual` as it is. */
export function similarity(actual: string, expected: string): number {
  // An empty context is the start or end of the text: it agrees only with the start or end.
  if (expected === '') return actual === '' ? 1 : 0.5;
  if (actual === '') return 0;
  if (actual === expected || actual.includes(expected)) return 1;
  const best = approxSearch(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}
