/**
 * Re-anchoring: finds where a highlight's passage is in the article's current text. In order
 * (docs/technotes/anchoring.md): the stored position when the quote is still there; else every
 * exact occurrence of the quote (whitespace runs collapsed) scored by context and closeness to
 * the old position; else an approximate match (approx-string-match), or for a long quote edited
 * beyond the error budget, its first and last 32 characters. Null means orphaned: the
 * caller keeps the highlight and lists it with its quote.
 */
import type { QuoteSelector } from './selector';
import { similarity } from './similarity';
import { fuzzyCandidates, headTailCandidates, type Candidate } from './fuzzy';
import {
  collapseWhitespace,
  normalizeForMatch,
  normalizeQuote,
  toCollapsedIndex,
  toOriginalRange,
  type CollapsedText,
} from './whitespace';

/** Which step placed a highlight. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where a highlight is in the current text. */
export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
}

/**
 * A quote this long is evidence enough on its own; a shorter one ("Putin", "the Expo") must also
 * agree with its context before it is placed anywhere but its old offsets, even when it is the
 * only occurrence left: a rewritten sentence may keep the word, not the passage.
 */
export const SELF_EVIDENT_CHARS = 32;
/** Below this, a candidate's context disagrees: orphaned beats painting the wrong words. */
const MIN_CONTEXT_SCORE = 0.5;

/** Returns the anchor of `selector` in `text`, or null when the passage cannot be placed. */
export function anchorQuote(text: string, selector: QuoteSelector): Anchor | null {
  return createAnchorer(text)(selector);
}

/**
 * Returns a function that anchors selectors in `text`: use it for an article's highlights, so
 * the collapsed view of the text is built once, and only if some highlight has moved.
 */
export function createAnchorer(text: string): (selector: QuoteSelector) => Anchor | null {
  let collapsed: CollapsedText | null = null;
  return (selector) => {
    if (atPosition(text, selector))
      return { start: selector.start, end: selector.end, method: 'position' };
    collapsed ??= collapseWhitespace(text);
    return bySearch(text, collapsed, selector);
  };
}

/**
 * True when the quote is still at its offsets and one side of its context agrees (a short quote
 * at the old offsets after an edit above it may be another occurrence; long quotes are trusted).
 */
function atPosition(text: string, { exact, prefix, suffix, start, end }: QuoteSelector): boolean {
  if (exact === '' || !Number.isInteger(start) || start < 0 || end > text.length) return false;
  if (end - start !== exact.length || !text.startsWith(exact, start)) return false;
  return (
    exact.length >= SELF_EVIDENT_CHARS ||
    text.startsWith(suffix, end) ||
    (start >= prefix.length && text.startsWith(prefix, start - prefix.length))
  );
}

function bySearch(text: string, collapsed: CollapsedText, selector: QuoteSelector): Anchor | null {
  const quote = normalizeQuote(selector.exact);
  if (quote === '') return null;
  const context = collapsedContext(selector);
  const hint = toCollapsedIndex(collapsed, Math.max(0, Math.min(selector.start, text.length)));
  const scorer = (c: Candidate): Scored => score(collapsed.text, quote, context, hint, c);

  const bestExact = best(occurrences(collapsed.text, quote).map(scorer));
  if (bestExact && acceptable(quote, bestExact)) {
    return place(text, collapsed, bestExact, 'quote');
  }
  // The approximate search returns only its lowest-error matches: when the quote occurs exactly
  // but nowhere with its context, those are the same occurrences again.
  if (bestExact) return null;
  const bestFuzzy = best(fuzzyCandidates(collapsed.text, quote, hint).map(scorer));
  if (bestFuzzy && acceptable(quote, bestFuzzy)) return place(text, collapsed, bestFuzzy, 'fuzzy');
  if (bestFuzzy) return null;
  // A long quote with more than 32 edits: its two ends, at about the right distance apart.
  const bestEnds = best(headTailCandidates(collapsed.text, quote, hint).map(scorer));
  return bestEnds ? place(text, collapsed, bestEnds, 'fuzzy') : null;
}

interface Context {
  prefix: string;
  suffix: string;
}

/** The context as it reads next to the trimmed quote in the collapsed text. */
function collapsedContext({ exact, prefix, suffix }: QuoteSelector): Context {
  const lead = exact.length - exact.trimStart().length;
  const trail = exact.length - exact.trimEnd().length;
  return {
    prefix: normalizeForMatch(prefix + exact.slice(0, lead)),
    suffix: normalizeForMatch(exact.slice(exact.length - trail) + suffix),
  };
}

interface Scored extends Candidate {
  /** Mean of prefix and suffix similarity, in [0, 1]. */
  context: number;
  score: number;
}

/** Weights as in Hypothesis's matchQuote: the quote first, then context, position breaks ties. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;

function score(text: string, quote: string, ctx: Context, hint: number, c: Candidate): Scored {
  const before = text.slice(Math.max(0, c.start - ctx.prefix.length), c.start);
  const after = text.slice(c.end, c.end + ctx.suffix.length);
  const prefixScore = similarity(before, ctx.prefix);
  const suffixScore = similarity(after, ctx.suffix);
  const quoteScore = 1 - c.errors / quote.length;
  const positionScore = 1 - Math.abs(c.start - hint) / Math.max(1, text.length);
  return {
    ...c,
    context: (prefixScore + suffixScore) / 2,
    score:
      QUOTE_WEIGHT * quoteScore +
      CONTEXT_WEIGHT * (prefixScore + suffixScore) +
      POSITION_WEIGHT * positionScore,
  };
}

function acceptable(quote: string, c: Scored): boolean {
  return quote.length >= SELF_EVIDENT_CHARS || c.context >= MIN_CONTEXT_SCORE;
}

function best(scored: Scored[]): Scored | null {
  let top: Scored | null = null;
  for (const c of scored) if (top === null || c.score > top.score) top = c;
  return top;
}

/** Every occurrence of `quote` in `text`, overlapping ones included ("aa" in "aaa"). */
function occurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

function place(text: string, collapsed: CollapsedText, c: Candidate, method: AnchorMethod): Anchor {
  const range = toOriginalRange(text, collapsed, c.start, c.end);
  return { ...range, method };
}
