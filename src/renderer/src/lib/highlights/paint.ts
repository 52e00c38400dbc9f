/**
 * Painting highlights on the reader's body after {@html} has rendered it: the sanitized HTML
 * string is never changed. Each segment of segmentRanges (docs/technotes/anchoring.md,
 * "Overlaps") becomes `<mark class="hl hl-<colour>" data-hl="<top id>">` around the stretches of
 * text nodes it covers, so a highlight may cross inline elements and paragraphs. Marks add no
 * text, so the text map of a painted body is the same as before painting.
 */
import { segmentRanges, type IdRange } from '../../../../shared/anchoring';
import type { HighlightColor } from '../../../../shared/model';
import { buildTextMap, slicesOf, type NodeSlice } from './text-map';

/** A highlight placed in the shown body. */
export interface Placed extends IdRange<number> {
  color: HighlightColor;
}

/** Removes every mark painted in `body`, joining the text nodes they split. */
export function unpaint(body: HTMLElement): void {
  const parents = new Set<Node>();
  for (const mark of body.querySelectorAll('mark.hl')) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}

/**
 * Paints `placed` (in creation order) on `body`, which must be unpainted. Returns nothing; the
 * marks carry the id of the highlight a click on them picks.
 */
export function paint(body: HTMLElement, placed: readonly Placed[]): void {
  if (placed.length === 0) return;
  const map = buildTextMap<Node>(body);
  const colors = new Map(placed.map((p) => [p.id, p.color]));
  const byNode = new Map<Node, { slice: NodeSlice<Node>; top: number; ids: number[] }[]>();
  for (const segment of segmentRanges(placed)) {
    for (const slice of slicesOf(map, segment.start, segment.end)) {
      const jobs = byNode.get(slice.node) ?? [];
      jobs.push({ slice, top: segment.top, ids: segment.ids });
      byNode.set(slice.node, jobs);
    }
  }
  for (const jobs of byNode.values()) {
    // Last first: splitting a text node keeps its head in the same node object, so the
    // offsets of the earlier stretches stay right.
    jobs.sort((a, b) => b.slice.from - a.slice.from);
    for (const { slice, top, ids } of jobs) wrap(slice, colors.get(top) ?? 'yellow', top, ids);
  }
}

function wrap(slice: NodeSlice<Node>, color: HighlightColor, top: number, ids: number[]): void {
  const middle = (slice.node as Text).splitText(slice.from);
  middle.splitText(slice.to - slice.from);
  const mark = document.createElement('mark');
  mark.className = `hl hl-${color}`;
  if (ids.length > 1) mark.classList.add('hl-overlap');
  mark.dataset.hl = String(top);
  mark.dataset.hlAll = ids.join(' ');
  middle.replaceWith(mark);
  mark.append(middle);
}

/** The marks of highlight `id` (every segment it covers), in document order. */
export function marksOf(body: HTMLElement, id: number): HTMLElement[] {
  return [...body.querySelectorAll<HTMLElement>('mark.hl')].filter((mark) =>
    (mark.dataset.hlAll ?? '').split(' ').includes(String(id)),
  );
}

/** Scrolls highlight `id` into view and flashes it; returns false when it is not painted. */
export function flash(body: HTMLElement, id: number): boolean {
  const marks = marksOf(body, id);
  const first = marks[0];
  if (!first) return false;
  first.scrollIntoView({ block: 'center', behavior: 'auto' });
  for (const mark of marks) {
    mark.classList.remove('hl-flash');
    // Restart the animation when the same highlight is flashed twice.
    void mark.offsetWidth;
    mark.classList.add('hl-flash');
  }
  setTimeout(() => marks.forEach((m) => m.classList.remove('hl-flash')), 1600);
  return true;
}
