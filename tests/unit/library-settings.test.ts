import { describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import {
  DEFAULT_SETTINGS,
  readSettings,
  updateSettings,
} from '../../src/main/core/library/settings';

describe('settings', () => {
  it('start with the defaults: keep images, remote content allowed, 90 days', () => {
    const store = Store.open(':memory:');
    expect(readSettings(store)).toEqual({
      keepImages: true,
      blockRemoteContent: false,
      retentionDays: 90,
    });
    expect(DEFAULT_SETTINGS.retentionDays).toBe(90);
  });

  it('keep what is changed and leave the rest', () => {
    const store = Store.open(':memory:');
    expect(updateSettings(store, { blockRemoteContent: true })).toEqual({
      keepImages: true,
      blockRemoteContent: true,
      retentionDays: 90,
    });
    expect(readSettings(store).blockRemoteContent).toBe(true);
  });

  it('fall back to the default for a value of the wrong type', () => {
    const store = Store.open(':memory:');
    store.settings.set('setting.retentionDays', 'forever');
    expect(readSettings(store).retentionDays).toBe(90);
  });
});
