/**
 * From the reader's DOM selection to a highlight's selector: the selected characters of the
 * body's text map (text-map.ts), trimmed, described in the body's text (describeRange).
 */
import { describeRange, type QuoteSelector } from '../../../../shared/anchoring';
import { buildTextMap, offsetsWhere } from './text-map';

/** The current selection inside `body` as a non-collapsed Range, or null. */
export function selectionIn(body: HTMLElement): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.commonAncestorContainer)) return null;
  return range;
}

/** Returns the selector of `range` in `body`'s text, or null when it selects no text. */
export function selectorOf(body: HTMLElement, range: Range): QuoteSelector | null {
  const map = buildTextMap<Node>(body);
  const whole = new Map<Node, boolean>();
  const offsets = offsetsWhere(map, (node, offset) => {
    const edge = node === range.startContainer || node === range.endContainer;
    if (!edge) {
      let inside = whole.get(node);
      if (inside === undefined) whole.set(node, (inside = range.intersectsNode(node)));
      return inside;
    }
    if (node === range.startContainer && offset < range.startOffset) return false;
    if (node === range.endContainer && offset >= range.endOffset) return false;
    return true;
  });
  return offsets ? describeRange(map.text, offsets.start, offsets.end) : null;
}
