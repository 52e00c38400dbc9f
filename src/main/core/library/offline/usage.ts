/**
 * Space used and compacting: what Settings shows per source, and the on-demand VACUUM that gives
 * the space of deleted articles and images back to the disk.
 */
import type { LibraryUsage } from '../../../../shared/model';
import { ApiError } from '../../../../shared/contract';
import type { Store } from '../../storage/store';
import { inSteps } from '../in-steps';

/** Returns the database's size on disk and the space used by each feed and by the library. */
export function libraryUsage(store: Store): LibraryUsage {
  return {
    databaseBytes: store.maintenance.databaseBytes(),
    sources: store.maintenance.usageBySource(),
  };
}

/**
 * Compacts the database and returns its size before and after. A library with incremental
 * vacuum (all made since issue 11) gives its free pages back in steps (in-steps.ts: as many
 * pages as take ~12 ms, the event loop turning between), so nothing waits; an older one is
 * rewritten by one VACUUM (which also switches it to incremental), holding the writer for as
 * long as that takes. Nothing is lost. `checkpoint` copies the WAL the steps leave back into
 * the file and empties it: on the writer by default; the app passes one that runs on a reader
 * thread, since that copy is the whole of what was moved (2 s at 100k articles).
 */
export async function compactLibrary(
  store: Store,
  checkpoint: () => Promise<void> = async () => store.maintenance.checkpoint(),
): Promise<{ beforeBytes: number; afterBytes: number }> {
  if (store.inTransaction) throw compactBusy();
  if (!store.maintenance.incremental) return store.maintenance.compact();
  const beforeBytes = store.maintenance.fileBytes();
  await inSteps(
    (pages) => {
      if (store.inTransaction) throw compactBusy();
      return store.maintenance.vacuumStep(pages) === 0;
    },
    { first: 256 },
  );
  await checkpoint();
  return { beforeBytes, afterBytes: store.maintenance.fileBytes() };
}

/** Returns true when compacting runs in steps beside other work (only its last checkpoint waits). */
export function compactsInSteps(store: Store): boolean {
  return store.maintenance.incremental;
}

/** Returns the error of a compaction asked for while a transaction is open. */
export function compactBusy(): ApiError {
  return new ApiError('CONFLICT', 'The database is busy; try compacting again in a moment.');
}
