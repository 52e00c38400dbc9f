/**
 * normalizeInBatches: normalizeFeed for a big feed, a batch at a time from the document's end
 * (types.ts FeedInBatches), so that the normalized items of a 35 MB feed (~85 MB live) never
 * exist all at once, in the worker or in the main thread (docs/technotes/refresh.md, "Large
 * feeds"). Identities are decided first, for the whole feed (normalize.ts planFeed).
 */
import { planFeed } from './normalize';
import type { FeedHead, ItemBatch, NormalizedItem, ParsedFeed } from './types';

/**
 * The most items in one batch, and the most characters of HTML and text: a batch of 3 KB items
 * is ~150 (~2 MB live); one of small items is 2,000, as the pipeline's messages were before.
 * Small batches die young: with 4 M characters (~600 items, ~8 MB) both threads' heaps kept
 * growing while a 35 MB feed was stored (the main one by ~45 MB, garbage promoted as a batch
 * outlived the scavenges during its storing), and its peak RSS was 400–428 MB against 315–383 MB
 * with 1 M (docs/technotes/refresh.md, "Large feeds").
 */
export const BATCH_ITEMS = 2000;
export const BATCH_CHARS = 1_000_000;

/**
 * Returns the feed's head and its items in batches, from the document's end to its start, each
 * identity once (its first occurrence): what storage inserts, in the order it inserts them. An
 * empty feed gives one empty last batch. `parsed.items` is consumed: it is cut short as the
 * batches are made, so that what was normalized can be collected.
 */
export function normalizeInBatches(
  parsed: ParsedFeed,
  feedUrl: string,
  now: number,
): { head: FeedHead; batches: Generator<ItemBatch, void, undefined> } {
  const plan = planFeed(parsed, feedUrl, now);
  const first = new Map<string, number>();
  plan.identities.forEach((identity, index) => {
    if (!first.has(identity)) first.set(identity, index);
  });
  function* batches(): Generator<ItemBatch, void, undefined> {
    let start = parsed.items.length;
    do {
      const items: NormalizedItem[] = [];
      let chars = 0;
      while (start > 0 && items.length < BATCH_ITEMS && chars < BATCH_CHARS) {
        start--;
        // A repeat: storage keeps the first occurrence, which comes in a later batch.
        if (first.get(plan.identities[start]!) !== start) continue;
        const item = plan.itemAt(start);
        items.push(item);
        chars += item.contentHtml.length + item.text.length;
      }
      parsed.items.length = start;
      yield { items: items.reverse(), last: start === 0 };
    } while (start > 0);
  }
  return { head: plan.head, batches: batches() };
}
