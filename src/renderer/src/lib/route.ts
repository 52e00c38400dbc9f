/**
 * The selection as it lives in `location.hash`: `#/<source>/<articleId>`, e.g. `#/all/12`,
 * `#/library`, `#/feed-3/40`. A reload therefore reopens the same source and article.
 */
import type { ArticleFilter } from '../../../shared/model';

/** A smart view of the sidebar, or one feed. */
export type SourceId = 'all' | 'unread' | 'starred' | 'library' | 'notebook' | `feed-${number}`;

/** The selection: a source and, optionally, the article open in the reader. */
export interface Route {
  source: SourceId;
  articleId: number | null;
}

const SMART: readonly string[] = ['all', 'unread', 'starred', 'library', 'notebook'];

/** Where the selection's hash lives: the page's `location.hash` in the app. */
export interface HashStore {
  /** Returns the current hash, e.g. `#/all/12`. */
  read(): string;
  /** Replaces the hash without a new history entry. */
  replace(hash: string): void;
}

/** The page's own hash (read from `location`, replaced through `history`). */
export const locationHash: HashStore = {
  read: () => location.hash,
  replace: (hash) => history.replaceState(null, '', hash),
};

/** Returns true when `value` names a source. */
function isSourceId(value: string): value is SourceId {
  return SMART.includes(value) || /^feed-[1-9]\d*$/.test(value);
}

/** Parses a hash such as `#/all/12`; anything unknown falls back to All articles. */
export function parseHash(hash: string): Route {
  const [source = '', article = ''] = hash.replace(/^#\/?/, '').split('/');
  const articleId = /^[1-9]\d*$/.test(article) ? Number(article) : null;
  return isSourceId(source) ? { source, articleId } : { source: 'all', articleId: null };
}

/** Formats a route as a hash. */
export function formatHash(route: Route): string {
  return route.articleId === null ? `#/${route.source}` : `#/${route.source}/${route.articleId}`;
}

/** The feed id of a feed source, or null for a smart view. */
export function feedIdOf(source: SourceId): number | null {
  return source.startsWith('feed-') ? Number(source.slice(5)) : null;
}

/** The `articles.list` params that list a source. */
export function listParams(source: SourceId): { feedId?: number; filter?: ArticleFilter } {
  const feedId = feedIdOf(source);
  if (feedId !== null) return { feedId };
  if (source === 'library') return { filter: 'saved' };
  return { filter: source as ArticleFilter };
}
