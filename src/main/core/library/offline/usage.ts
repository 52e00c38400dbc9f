/**
 * Space used and compacting: what Settings shows per source, and the on-demand VACUUM that gives
 * the space of deleted articles and images back to the disk.
 */
import type { LibraryUsage } from '../../../../shared/model';
import { ApiError } from '../../../../shared/contract';
import type { Store } from '../../storage/store';

/** Returns the database's size on disk and the space used by each feed and by the library. */
export function libraryUsage(store: Store): LibraryUsage {
  return {
    databaseBytes: store.maintenance.databaseBytes(),
    sources: store.maintenance.usageBySource(),
  };
}

/** Free pages given back per step, and how long the steps run before the event loop's turn. */
const STEP_PAGES = 256;
const STEPS_FOR_MS = 15;

/**
 * Compacts the database and returns its size before and after. A library with incremental
 * vacuum (all made since issue 11) gives its free pages back in short steps with the event loop
 * turning between them, so nothing waits; an older one is rewritten by one VACUUM (which also
 * switches it to incremental), holding the writer for as long as that takes. Nothing is lost.
 */
export async function compactLibrary(
  store: Store,
): Promise<{ beforeBytes: number; afterBytes: number }> {
  if (store.inTransaction) throw busy();
  if (!store.maintenance.incremental) return store.maintenance.compact();
  const beforeBytes = store.maintenance.fileBytes();
  for (;;) {
    if (store.inTransaction) throw busy();
    const until = performance.now() + STEPS_FOR_MS;
    let left = store.maintenance.vacuumStep(STEP_PAGES);
    while (left > 0 && performance.now() < until) left = store.maintenance.vacuumStep(STEP_PAGES);
    if (left === 0) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  store.maintenance.checkpoint();
  return { beforeBytes, afterBytes: store.maintenance.fileBytes() };
}

/** Returns true when compacting runs in steps beside other work (no thread, no gate needed). */
export function compactsInSteps(store: Store): boolean {
  return store.maintenance.incremental;
}

function busy(): ApiError {
  return new ApiError('CONFLICT', 'The database is busy; try compacting again in a moment.');
}
