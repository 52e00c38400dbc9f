/**
 * The approximate search of the last anchoring step, with approx-string-match (Myers'
 * bit-parallel algorithm; v2 handles patterns of any length in 32-character blocks, at a cost
 * of about (maxErrors / 32) × text length). Errors are capped at 32, so a long quote whose
 * middle was rewritten is found by its two ends instead (headTailCandidates).
 */
import approxSearch from 'approx-string-match';

/** A match in the collapsed text, before scoring. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Errors allowed in a quote of `length` characters: 1 in 8, at least 1, at most 32. */
export function allowedErrors(length: number): number {
  // Up to 4 characters, one edit makes another word ("Xi" → "Xu"): exact matches only.
  if (length <= 4) return 0;
  return Math.min(MAX_ERRORS, Math.max(1, Math.floor(length / 8)));
}

const MAX_ERRORS = 32;
/** Scoring is the expensive part; a pathological text ("abc abc abc …") yields thousands. */
const MAX_CANDIDATES = 64;

/**
 * Returns the lowest-error approximate matches of `quote` in `text`, the ones nearest `hint`
 * first, at most MAX_CANDIDATES of them.
 */
export function fuzzyCandidates(text: string, quote: string, hint: number): Candidate[] {
  const maxErrors = allowedErrors(quote.length);
  if (maxErrors === 0 || text === '') return [];
  const matches = approxSearch(text, quote, maxErrors);
  if (matches.length <= MAX_CANDIDATES) return matches;
  return matches
    .sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint))
    .slice(0, MAX_CANDIDATES);
}

/** The ends of a long quote that are searched for on their own. */
const END_CHARS = 32;
const END_ERRORS = 4;
/** How much longer or shorter than the quote the passage between its ends may have become. */
const LENGTH_SLACK = 0.25;

/**
 * Returns passages that begin like `quote` and end like it (its first and last 32 characters,
 * up to 4 errors each) and are within 25% of its length, nearest `hint` first. Their `errors`
 * are those of the two ends: the middle is not compared.
 */
export function headTailCandidates(text: string, quote: string, hint: number): Candidate[] {
  if (quote.length < 4 * END_CHARS) return [];
  const heads = approxSearch(text, quote.slice(0, END_CHARS), END_ERRORS);
  const tails = approxSearch(text, quote.slice(-END_CHARS), END_ERRORS);
  const min = quote.length * (1 - LENGTH_SLACK);
  const max = quote.length * (1 + LENGTH_SLACK);
  const found: Candidate[] = [];
  for (const head of heads) {
    for (const tail of tails) {
      const length = tail.end - head.start;
      if (tail.start >= head.end && length >= min && length <= max) {
        found.push({ start: head.start, end: tail.end, errors: head.errors + tail.errors });
      }
    }
  }
  return found
    .sort((a, b) => a.errors - b.errors || Math.abs(a.start - hint) - Math.abs(b.start - hint))
    .slice(0, MAX_CANDIDATES);
}
