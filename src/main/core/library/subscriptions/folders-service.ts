/**
 * The folder methods of the Api. Folio has one level of folders, and a folder is the name its
 * feeds carry (feeds.folder): it exists while a feed is in it. Moving one feed is feeds.update
 * {folder}; a folder's unread count is the sum of its feeds' (feeds.list has them).
 */
import { ApiError, type Api } from '../../../../shared/contract';
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';

/** Returns the implementations of folders.rename and folders.delete. */
export function foldersService(
  store: Store,
  events: EventHub,
): Pick<Api, 'folders.rename' | 'folders.delete'> {
  return {
    'folders.rename': async ({ from, to }) => {
      // Renaming onto an existing folder merges the two, as dragging one onto the other would.
      const ids = store.transaction(() => {
        const moved = store.feeds.renameFolder(from, to);
        if (moved.length === 0) throw noFolder(from);
        return moved;
      });
      events.emit('feeds.changed', { feedIds: ids });
      return { feeds: ids.length };
    },
    'folders.delete': async ({ name }) => {
      // The feeds stay subscribed, at the top level: deleting a folder never unsubscribes.
      const ids = store.transaction(() => {
        const moved = store.feeds.clearFolder(name);
        if (moved.length === 0) throw noFolder(name);
        return moved;
      });
      events.emit('feeds.changed', { feedIds: ids });
      return { feeds: ids.length };
    },
  };
}

function noFolder(name: string): ApiError {
  return new ApiError('NOT_FOUND', `There is no folder named “${name}”.`);
}
