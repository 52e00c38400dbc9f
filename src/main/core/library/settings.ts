/**
 * The user's settings, typed, with their defaults. Stored as JSON values in the settings table
 * under `setting.<name>`; a value of the wrong type (a hand-edited database) falls back to the
 * default rather than breaking the app.
 */
import type { Settings } from '../../../shared/model';
import type { Store } from '../storage/store';

/** What a new library starts with. */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  keepImages: true,
  blockRemoteContent: false,
  retentionDays: 90,
};

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Returns the current settings. */
export function readSettings(store: Store): Settings {
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of KEYS) {
    const value = store.settings.get<unknown>(`setting.${key}`, undefined);
    if (typeof value === typeof DEFAULT_SETTINGS[key])
      (settings as Record<string, unknown>)[key] = value;
  }
  return settings;
}

/** Stores the given settings (in one transaction) and returns them all. */
export function updateSettings(store: Store, change: Partial<Settings>): Settings {
  store.transaction(() => {
    for (const key of KEYS) {
      if (change[key] !== undefined) store.settings.set(`setting.${key}`, change[key]);
    }
  });
  return readSettings(store);
}
