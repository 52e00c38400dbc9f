/** The sidebar's state: the subscribed feeds with their unread counts. */
import type { Feed } from '../../../shared/model';
import { api, isApiError } from './api';
import { feedIdOf, type SourceId } from './route';

/** The names of the smart views, in sidebar order. */
export const SMART_SOURCES: { id: SourceId; label: string }[] = [
  { id: 'all', label: 'All Articles' },
  { id: 'unread', label: 'Unread' },
  { id: 'starred', label: 'Starred' },
  { id: 'library', label: 'Library' },
];

/** Feeds listed in the sidebar; reloaded when feeds or articles change. */
export class SourcesState {
  feeds: Feed[] = $state([]);
  loaded = $state(false);

  /** Fetches the feeds; a core without feeds yet (NOT_IMPLEMENTED) simply shows none. */
  async load(): Promise<void> {
    try {
      this.feeds = await api['feeds.list']();
    } catch (error) {
      if (!isApiError(error, 'NOT_IMPLEMENTED')) throw error;
      this.feeds = [];
    }
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

  /** Lowers a feed's unread count by one after an article of it was read here. */
  decrementUnread(feedId: number | null): void {
    const feed = this.feed(feedId);
    if (feed && feed.unreadCount > 0) feed.unreadCount -= 1;
  }
}
