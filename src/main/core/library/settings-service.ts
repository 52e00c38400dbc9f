/** The settings methods of the Api: read them, change some (and tell every window). */
import type { Api } from '../../../shared/contract';
import type { EventHub } from '../events';
import type { Store } from '../storage/store';
import { readSettings, updateSettings } from './settings';

/** Returns the implementations of `settings.get` and `settings.update`. */
export function settingsService(
  store: Store,
  events: EventHub,
): Pick<Api, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => readSettings(store),
    'settings.update': async (change) => {
      const settings = updateSettings(store, change);
      events.emit('settings.changed', settings);
      return settings;
    },
  };
}
