/**
 * The Api contract shared by main, preload and renderer: every method with its params (schemas in
 * schemas/params-schemas.ts, validated at each boundary with zod) and result type, the events
 * pushed to the window, and the error codes. Transports (IPC, HTTP) carry exactly these names.
 * docs/api.md is generated from it and from the schemas in schemas/ (`npm run docs:api`).
 */
import type { z } from 'zod';
import type { Method } from './methods';
import { paramsSchemas } from './schemas/params-schemas';
import type {
  Article,
  ArticleNote,
  ArticlePage,
  ArticleSummary,
  DiscoveredFeed,
  Feed,
  Highlight,
  LibraryUsage,
  ListedNote,
  AnnotationImport,
  OfflineResult,
  RefreshResult,
  Settings,
  RelatedFeed,
  SearchHit,
} from './model';

export { METHODS, isMethod, type Method } from './methods';
export {
  ApiError,
  ERROR_STATUS,
  isApiErrorBody,
  type ApiErrorBody,
  type ErrorCode,
} from './errors';
import { ApiError } from './errors';

/** The validated params of method M. */
export type Params<M extends Method> = z.output<(typeof paramsSchemas)[M]>;
/** What a caller may pass to method M (optional keys may be left out). */
export type ParamsInput<M extends Method> = z.input<(typeof paramsSchemas)[M]>;

/** The result type of every method. */
export interface Results {
  'feeds.list': Feed[];
  'feeds.add': Feed;
  'feeds.update': Feed;
  'feeds.remove': { ok: true };
  'feeds.refresh': RefreshResult;
  'feeds.discover': DiscoveredFeed[];
  'feeds.importOpml': {
    added: number;
    skipped: number;
    errors: { url: string; message: string }[];
  };
  'feeds.exportOpml': { xml: string };
  'feeds.related': RelatedFeed[];
  'articles.list': ArticlePage;
  'articles.get': Article;
  'articles.update': ArticleSummary;
  'articles.search': SearchHit[];
  'articles.fetchFullText': Article;
  'articles.save': Article;
  'highlights.create': Highlight;
  'highlights.update': Highlight;
  'highlights.delete': { ok: true };
  'highlights.list': Highlight[];
  'notes.set': ArticleNote;
  'export.markdown': { files: { name: string; content: string }[] };
  'settings.get': Settings;
  'settings.update': Settings;
  'offline.make': OfflineResult;
  'library.usage': LibraryUsage;
  'library.cleanup': { deletedArticles: number; deletedImages: number };
  'library.compact': { beforeBytes: number; afterBytes: number };
  'notes.list': ListedNote[];
  /** A W3C Web Annotation collection (JSON-LD), as a string ready to save. */
  'annotations.exportW3C': { json: string };
  'annotations.importW3C': AnnotationImport;
  /**
   * Writes export.markdown's files into a folder the user picks (desktop app only: browser mode
   * answers BAD_REQUEST and offers a zip download instead); `folder` is null when cancelled.
   */
  'export.toFolder': { folder: string | null; files: number };
  'folders.rename': { feeds: number };
  /** The folder's feeds are kept, outside any folder. */
  'folders.delete': { feeds: number };
  'articles.related': ArticleSummary[];
}
export type Result<M extends Method> = Results[M];

/** The Api as the core implements it and as every transport exposes it. */
export type Api = { [M in Method]: (params: Params<M>) => Promise<Result<M>> };
/** The Api as a caller sees it: params in their input form. */
export type ApiClient = { [M in Method]: (params?: ParamsInput<M>) => Promise<Result<M>> };

/** Validates raw params for `method`; returns them typed or throws ApiError BAD_REQUEST. */
export function parseParams<M extends Method>(method: M, raw: unknown): Params<M> {
  const parsed = paramsSchemas[method].safeParse(raw ?? {});
  if (parsed.success) return parsed.data as Params<M>;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  const where = first && first.path ? `${first.path}: ` : '';
  throw new ApiError(
    'BAD_REQUEST',
    `Bad params for ${method}: ${where}${first?.message ?? 'invalid'}`,
    {
      issues,
    },
  );
}

/** Events pushed from main to the window (SSE in browser mode, IPC in Electron). */
export interface Events {
  /** Progress of a refresh: `done` of `total` feeds. */
  refresh: { done: number; total: number; feedId: number | null };
  /** Articles were added, changed or read; the list and counts should be fetched again. */
  'articles.changed': { feedId: number | null; articleIds?: number[] };
  /** Feeds were added, changed or removed. */
  'feeds.changed': { feedIds?: number[] };
  /** Progress of making articles available offline (pages and images fetched). */
  offline: { done: number; total: number };
  /** The settings changed. */
  'settings.changed': Settings;
  /** Highlights or the note of an article were created, changed or deleted. */
  'annotations.changed': { articleId: number };
  /** Progress of an OPML import: `done` of `total` feeds. */
  import: { done: number; total: number };
}
export type EventName = keyof Events;
/** One event as it travels: its name and data. */
export type FolioEvent = { [E in EventName]: { type: E; data: Events[E] } }[EventName];
