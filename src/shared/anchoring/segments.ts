/**
 * Overlapping and touching highlights (docs/technotes/anchoring.md, "Overlaps"): each stays its
 * own highlight; the reader paints the text as non-overlapping segments, each knowing every
 * highlight that covers it and which one is on top (its colour, and the one a click picks).
 */

/** A placed highlight: `[start, end)` in the article's text. */
export interface IdRange<Id> {
  id: Id;
  start: number;
  end: number;
}

/** A stretch of text covered by the same highlights. */
export interface Segment<Id> {
  start: number;
  end: number;
  /** Every highlight covering the segment, in the order they were given (creation order). */
  ids: Id[];
  /** The innermost (shortest) covering highlight; among equals, the one given last (latest). */
  top: Id;
}

/**
 * Returns the segments of `ranges`, in text order, with no gaps inside a segment and none for
 * text no highlight covers. Give the ranges in creation order: it breaks ties for `top`.
 * Empty and inverted ranges cover nothing.
 */
export function segmentRanges<Id>(ranges: readonly IdRange<Id>[]): Segment<Id>[] {
  const live = ranges.map((range, order) => ({ ...range, order })).filter((r) => r.end > r.start);
  const bounds = [...new Set(live.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
  const byStart = [...live].sort((a, b) => a.start - b.start);
  const segments: Segment<Id>[] = [];
  let active: typeof live = [];
  let next = 0;
  for (let i = 0; i < bounds.length - 1; i++) {
    const from = bounds[i] as number;
    const to = bounds[i + 1] as number;
    active = active.filter((r) => r.end > from);
    while (next < byStart.length && (byStart[next] as (typeof live)[number]).start <= from) {
      active.push(byStart[next++] as (typeof live)[number]);
    }
    if (active.length === 0) continue;
    const covering = [...active].sort((a, b) => a.order - b.order);
    segments.push({
      start: from,
      end: to,
      ids: covering.map((r) => r.id),
      top: topOf(covering).id,
    });
  }
  return segments;
}

/** The shortest range; the latest given among equals. */
function topOf<R extends { start: number; end: number; order: number }>(covering: R[]): R {
  let top = covering[0] as R;
  for (const r of covering) {
    const shorter = r.end - r.start < top.end - top.start;
    const sameAndLater = r.end - r.start === top.end - top.start && r.order > top.order;
    if (shorter || sameAndLater) top = r;
  }
  return top;
}
