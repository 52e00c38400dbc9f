/** Unsubscribing a feed, in short steps however many articles it has. */
import type { Store } from '../../storage/store';
import { inSteps } from '../in-steps';

/**
 * Removes feed `id` (feeds-table.ts remove: what the user touched stays, as library articles);
 * returns false when there is no such feed. A feed of 60,000 articles goes in short steps (each
 * article takes its full-text entries with it), the feed itself in the last.
 */
export async function removeFeedInSteps(store: Store, id: number): Promise<boolean> {
  await inSteps(
    (size) => store.transaction(() => store.feeds.deleteUntouchedArticles(id, size)) < size,
  );
  return store.feeds.remove(id);
}
