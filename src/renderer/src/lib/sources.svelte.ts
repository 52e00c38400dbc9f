/** The sidebar's state: the subscribed feeds with their unread counts, grouped by folder. */
import type { ApiClient } from '../../../shared/contract';
import type { Feed } from '../../../shared/model';
import { feedIdOf, type SourceId } from './route';

/** The names of the smart views, in sidebar order. */
export const SMART_SOURCES: { id: SourceId; label: string }[] = [
  { id: 'all', label: 'All Articles' },
  { id: 'unread', label: 'Unread' },
  { id: 'starred', label: 'Starred' },
  { id: 'library', label: 'Library' },
  { id: 'notebook', label: 'Notebook' },
];

/** Feeds of one folder (`folder` null: feeds outside any folder), sorted by title. */
export interface FeedGroup {
  folder: string | null;
  feeds: Feed[];
  unreadCount: number;
}

/** How many library articles are counted for the Library badge (the list's page maximum). */
const LIBRARY_COUNT_LIMIT = 500;
const byTitle = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Feeds listed in the sidebar; reloaded when feeds or articles change. */
export class SourcesState {
  feeds: Feed[] = $state([]);
  /** Unread articles without a feed (the seed, saved pages), for the Library and Unread badges. */
  libraryUnread = $state(0);
  loaded = $state(false);
  readonly #api: ApiClient;

  /** `api` is the connection to the core. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** The feeds outside folders first, then one group per folder, by name. */
  readonly groups: FeedGroup[] = $derived(groupFeeds(this.feeds));
  /** The folder names in use, for the folder fields' suggestions. */
  readonly folders: string[] = $derived(
    this.groups.flatMap((g) => (g.folder === null ? [] : [g.folder])),
  );
  /** Every unread article: the Unread view's badge. */
  readonly unreadTotal: number = $derived(
    this.feeds.reduce((sum, feed) => sum + feed.unreadCount, this.libraryUnread),
  );

  /** Fetches the feeds and the library's unread count. */
  async load(): Promise<void> {
    const [feeds, libraryUnread] = await Promise.all([
      this.#api['feeds.list'](),
      countLibraryUnread(this.#api),
    ]);
    this.feeds = feeds;
    this.libraryUnread = libraryUnread;
    this.loaded = true;
  }

  /** Returns the feed with `id`, if subscribed. */
  feed(id: number | null): Feed | undefined {
    return id === null ? undefined : this.feeds.find((f) => f.id === id);
  }

  /** The display name of a source. */
  label(source: SourceId): string {
    const smart = SMART_SOURCES.find((s) => s.id === source);
    if (smart) return smart.label;
    return this.feed(feedIdOf(source))?.title ?? 'Feed';
  }

  /** Lowers the unread count of a feed (or of the library) after one of its articles was read. */
  decrementUnread(feedId: number | null): void {
    if (feedId === null) {
      if (this.libraryUnread > 0) this.libraryUnread -= 1;
      return;
    }
    const feed = this.feed(feedId);
    if (feed && feed.unreadCount > 0) feed.unreadCount -= 1;
  }
}

/**
 * Counts unread library articles from the list itself, since `feeds.list` only counts feeds.
 * The library is small (the seed and pages saved by hand); past 500 the badge stays at 500.
 */
async function countLibraryUnread(api: ApiClient): Promise<number> {
  const page = await api['articles.list']({ filter: 'saved', limit: LIBRARY_COUNT_LIMIT });
  return page.items.filter((article) => !article.readAt).length;
}

function groupFeeds(feeds: Feed[]): FeedGroup[] {
  const loose: FeedGroup = { folder: null, feeds: [], unreadCount: 0 };
  const groups: FeedGroup[] = [];
  for (const feed of feeds) {
    const folder = feed.folder?.trim() || null;
    let group = folder === null ? loose : groups.find((g) => g.folder === folder);
    if (!group) groups.push((group = { folder, feeds: [], unreadCount: 0 }));
    group.feeds.push(feed);
    group.unreadCount += feed.unreadCount;
  }
  groups.sort((a, b) => byTitle.compare(a.folder ?? '', b.folder ?? ''));
  for (const group of [loose, ...groups]) {
    group.feeds.sort((a, b) => byTitle.compare(a.title, b.title));
  }
  return [loose, ...groups];
}
