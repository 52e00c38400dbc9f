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

/**
 * Compacts the database (checkpoint, VACUUM, checkpoint) and returns its size before and after.
 * Takes as long as rewriting the file does; nothing else can write meanwhile, and nothing is lost.
 */
export function compactLibrary(store: Store): { beforeBytes: number; afterBytes: number } {
  if (store.inTransaction) {
    throw new ApiError('CONFLICT', 'The database is busy; try compacting again in a moment.');
  }
  return store.maintenance.compact();
}
