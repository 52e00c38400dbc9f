/**
 * The shapes the Api returns. Timestamps are ISO 8601 strings (UTC) so that both transports
 * (JSON over HTTP, structured clone over IPC) carry them the same way.
 */

/** A subscribed feed with its unread count and last fetch outcome. */
export interface Feed {
  id: number;
  url: string;
  siteUrl: string | null;
  title: string;
  folder: string | null;
  unreadCount: number;
  lastFetchedAt: string | null;
  lastError: string | null;
  /** Fetch each new article's full web page during refresh ("always fetch full text"). */
  fullText: boolean;
}

/** Where an article came from: a feed, the seed imported on first start, or a saved page. */
export type ArticleKind = 'feed' | 'seed' | 'saved';

/** What the article list shows for one article. */
export interface ArticleSummary {
  id: number;
  feedId: number | null;
  feedTitle: string | null;
  kind: ArticleKind;
  title: string;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
  excerpt: string;
  readAt: string | null;
  starredAt: string | null;
  /** True when the text and every image it shows are stored locally (readable offline). */
  offlineReady: boolean;
}

/** A highlighted passage, anchored by quote with context and by text position. */
export interface Highlight {
  id: number;
  articleId: number;
  articleTitle: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  color: HighlightColor;
  note: string;
  createdAt: string;
  updatedAt: string;
  /** True when the quote can no longer be found in the article's current text (kept, listed). */
  orphaned: boolean;
  /** The feed of the highlighted article (null for the library), for the notebook's filters. */
  feedId: number | null;
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** The Markdown note on one article. */
export interface ArticleNote {
  articleId: number;
  body: string;
  updatedAt: string;
}

/** An article note as the notebook lists it. */
export interface ListedNote extends ArticleNote {
  articleTitle: string;
  feedId: number | null;
}

/** The outcome of importing annotations. */
export interface AnnotationImport {
  highlights: number;
  notes: number;
  /** Annotations whose article is not in this library, or that were already there. */
  skipped: number;
  errors: string[];
}

/** A file attached to an article by its feed: podcast audio, video, an image. */
export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
}

/** A whole article for the reader. `contentHtml` is the feed's, sanitized at ingestion. */
export interface Article extends ArticleSummary {
  contentHtml: string;
  fullTextHtml: string | null;
  highlights: Highlight[];
  note: ArticleNote | null;
  /** The feed's categories (tags) for the article. */
  categories: string[];
  enclosures: Enclosure[];
}

/** The filters of the article list. */
export const ARTICLE_FILTERS = ['all', 'unread', 'starred', 'annotated', 'saved'] as const;
export type ArticleFilter = (typeof ARTICLE_FILTERS)[number];

/** One page of the article list, newest first; `nextCursor` is null on the last page. */
export interface ArticlePage {
  items: ArticleSummary[];
  nextCursor: string | null;
}

/** One search hit. */
export interface SearchHit {
  articleId: number;
  title: string;
  snippet: string;
  kind: 'article' | 'highlight' | 'note';
  /** For a highlight hit: which highlight, to jump to its passage, and its colour. */
  highlightId?: number;
  color?: HighlightColor;
}

/** A feed found on a page or site. */
export interface DiscoveredFeed {
  url: string;
  title: string;
  type: 'rss' | 'atom' | 'json';
}

/** A feed suggested for the article being read. */
export interface RelatedFeed {
  url: string;
  title: string;
  reason: string;
  score: number;
  subscribed: boolean;
}

/** The outcome of a refresh of one feed or all. */
export interface RefreshResult {
  feeds: number;
  newArticles: number;
  errors: { feedId: number; code: string; message: string }[];
}

/** The user's settings. */
export interface Settings {
  /** Download the images of stored articles for offline reading (default true). */
  keepImages: boolean;
  /** Never load images or media from the web while reading: only what is stored (privacy). */
  blockRemoteContent: boolean;
  /** Delete read articles older than this many days; 0 keeps everything (default 90). */
  retentionDays: number;
}

/** The outcome of making articles available offline. */
export interface OfflineResult {
  articles: number;
  /** Images downloaded now. */
  images: number;
  /** Articles that still miss something (a page or an image that could not be fetched). */
  incomplete: number;
}

/** Space used by one source (a feed, or the library when feedId is null). */
export interface SourceUsage {
  feedId: number | null;
  title: string;
  articles: number;
  /** Bytes of article text and HTML. */
  textBytes: number;
  /** Bytes of images kept for offline reading. */
  imageBytes: number;
}

/** How the library uses the disk. */
export interface LibraryUsage {
  databaseBytes: number;
  sources: SourceUsage[];
}
