/**
 * Anchoring of highlights in an article's text: pure, shared by main (re-anchoring on article
 * updates, imports) and the renderer (selection to selector, painting). See
 * docs/technotes/anchoring.md.
 */
export { CONTEXT_CHARS, describeRange, splitsPair, type QuoteSelector } from './selector';
export {
  anchorQuote,
  createAnchorer,
  SELF_EVIDENT_CHARS,
  type Anchor,
  type AnchorMethod,
} from './anchor';
export { allowedErrors } from './fuzzy';
export { segmentRanges, type IdRange, type Segment } from './segments';
export {
  collapseWhitespace,
  normalizeForMatch,
  normalizeQuote,
  toCollapsedIndex,
  toOriginalRange,
  type CollapsedText,
} from './whitespace';
export { BLOCK_SEPARATOR, LINE_BREAK, TEXT_BLOCKS } from './text-blocks';
