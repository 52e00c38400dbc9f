import { beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/events';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { feedsService } from '../../src/main/core/library/subscriptions/feeds-service';
import { foldersService } from '../../src/main/core/library/subscriptions/folders-service';
import { Store } from '../../src/main/core/storage/store';
import type { FolioEvent } from '../../src/shared/contract';
import { loopbackNet } from '../helpers/net';

describe('folders', () => {
  let store: Store;
  let seen: FolioEvent[];
  let folders: ReturnType<typeof foldersService>;
  let feeds: ReturnType<typeof feedsService>;
  let ids: Record<string, number>;

  beforeEach(() => {
    store = Store.open(':memory:');
    const events = new EventHub();
    seen = [];
    events.on((e) => seen.push(e));
    folders = foldersService(store, events);
    feeds = feedsService(store, events, new Refresher({ store, events, net: loopbackNet() }));
    const add = (name: string, folder: string | null) =>
      store.feeds.insert({
        url: `http://news.test/${name}.xml`,
        title: name,
        siteUrl: null,
        folder,
      });
    ids = {
      ars: add('ars', 'Tech'),
      verge: add('verge', 'Tech'),
      nature: add('nature', 'Science'),
      loose: add('loose', null),
    };
  });

  const folderOf = (id: number) => store.feeds.get(id)?.folder;

  it('renames a folder with all its feeds', async () => {
    expect(await folders['folders.rename']({ from: 'Tech', to: 'Technology' })).toEqual({
      feeds: 2,
    });
    expect([folderOf(ids.ars!), folderOf(ids.verge!)]).toEqual(['Technology', 'Technology']);
    expect(folderOf(ids.nature!)).toBe('Science');
    expect(seen).toContainEqual({
      type: 'feeds.changed',
      data: { feedIds: expect.arrayContaining([ids.ars, ids.verge]) },
    });
  });

  it('merges into an existing folder when renamed onto it', async () => {
    await folders['folders.rename']({ from: 'Science', to: 'Tech' });
    expect(store.feeds.list().filter((f) => f.folder === 'Tech')).toHaveLength(3);
  });

  it('deletes a folder and keeps its feeds, at the top level', async () => {
    expect(await folders['folders.delete']({ name: 'Tech' })).toEqual({ feeds: 2 });
    expect(store.feeds.list()).toHaveLength(4);
    expect([folderOf(ids.ars!), folderOf(ids.verge!)]).toEqual([null, null]);
  });

  it('answers NOT_FOUND for a folder no feed is in', async () => {
    await expect(folders['folders.rename']({ from: 'Nope', to: 'X' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(folders['folders.delete']({ name: 'Nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('moves a feed with feeds.update {folder}; a blank name is the top level', async () => {
    await feeds['feeds.update']({ id: ids.loose!, folder: 'Science' });
    expect(folderOf(ids.loose!)).toBe('Science');
    await feeds['feeds.update']({ id: ids.loose!, folder: '  ' });
    expect(folderOf(ids.loose!)).toBeNull();
    await feeds['feeds.update']({ id: ids.ars!, folder: null });
    expect(folderOf(ids.ars!)).toBeNull();
  });
});
