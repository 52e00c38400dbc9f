/** The library housekeeping methods of the Api: space used, clean-up now, compact. */
import type { Api } from '../../../shared/contract';
import type { EventHub } from '../events';
import type { Store } from '../storage/store';
import { cleanUp } from './offline/retention';
import { compactLibrary, libraryUsage } from './offline/usage';

/** Returns the implementations of `library.usage`, `library.cleanup` and `library.compact`. */
export function libraryService(
  store: Store,
  events: EventHub,
): Pick<Api, 'library.usage' | 'library.cleanup' | 'library.compact'> {
  return {
    'library.usage': async () => libraryUsage(store),
    'library.cleanup': () => cleanUp(store, events),
    'library.compact': () => compactLibrary(store),
  };
}
