/**
 * The Api contract shared by main, preload and renderer: every method of design.md with its
 * params schema (validated at each boundary with zod) and result type, the events pushed to the
 * window, and the error codes. Transports (IPC, HTTP) carry exactly these names.
 */
import { z } from 'zod';
import { METHODS, type Method } from './methods';
import {
  ARTICLE_FILTERS,
  HIGHLIGHT_COLORS,
  type Article,
  type ArticleNote,
  type ArticlePage,
  type ArticleSummary,
  type DiscoveredFeed,
  type Feed,
  type Highlight,
  type LibraryUsage,
  type ListedNote,
  type AnnotationImport,
  type OfflineResult,
  type RefreshResult,
  type Settings,
  type RelatedFeed,
  type SearchHit,
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

const id = z.number().int().positive();
const httpUrl = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), 'must be an http(s) URL');
const empty = z.strictObject({});

/** Params schema of every method. Unknown keys are refused so that typos surface. */
export const paramsSchemas = {
  'feeds.list': empty,
  'feeds.add': z.strictObject({ url: httpUrl, folder: z.string().max(200).optional() }),
  'feeds.update': z.strictObject({
    id,
    title: z.string().max(500).optional(),
    folder: z.string().max(200).nullable().optional(),
    fullText: z.boolean().optional(),
  }),
  'feeds.remove': z.strictObject({ id }),
  'feeds.refresh': z.strictObject({ id: id.optional() }),
  'feeds.discover': z.strictObject({ url: httpUrl }),
  'feeds.importOpml': z.strictObject({ xml: z.string().max(20_000_000) }),
  'feeds.exportOpml': empty,
  'feeds.related': z.strictObject({ articleId: id }),
  'articles.list': z.strictObject({
    feedId: id.optional(),
    filter: z.enum(ARTICLE_FILTERS).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    cursor: z.string().max(200).nullable().optional(),
  }),
  'articles.get': z.strictObject({ id }),
  'articles.update': z.strictObject({
    id,
    read: z.boolean().optional(),
    starred: z.boolean().optional(),
  }),
  'articles.search': z.strictObject({
    query: z.string().trim().min(1).max(500),
    limit: z.number().int().min(1).max(200).optional(),
  }),
  'articles.fetchFullText': z.strictObject({ id }),
  'articles.save': z.strictObject({ url: httpUrl }),
  'highlights.create': z
    .strictObject({
      articleId: id,
      exact: z.string().min(1).max(100_000),
      prefix: z.string().max(1000),
      suffix: z.string().max(1000),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      color: z.enum(HIGHLIGHT_COLORS).optional(),
      note: z.string().max(1_000_000).optional(),
    })
    .refine((p) => p.end > p.start, { message: 'end must be after start', path: ['end'] }),
  'highlights.update': z.strictObject({
    id,
    color: z.enum(HIGHLIGHT_COLORS).optional(),
    note: z.string().max(1_000_000).optional(),
  }),
  'highlights.delete': z.strictObject({ id }),
  'highlights.list': z.strictObject({
    articleId: id.optional(),
    feedId: id.optional(),
    color: z.enum(HIGHLIGHT_COLORS).optional(),
  }),
  'notes.set': z.strictObject({ articleId: id, body: z.string().max(1_000_000) }),
  'export.markdown': z.strictObject({ articleId: id.optional() }),
  'settings.get': empty,
  'settings.update': z.strictObject({
    keepImages: z.boolean().optional(),
    blockRemoteContent: z.boolean().optional(),
    retentionDays: z.number().int().min(0).max(36_500).optional(),
  }),
  'offline.make': z
    .strictObject({
      feedId: id.optional(),
      folder: z.string().min(1).max(200).optional(),
      articleIds: z.array(id).min(1).max(10_000).optional(),
    })
    .refine((p) => [p.feedId, p.folder, p.articleIds].filter((x) => x !== undefined).length === 1, {
      message: 'give exactly one of feedId, folder or articleIds',
    }),
  'library.usage': empty,
  'library.cleanup': empty,
  'library.compact': empty,
  'notes.list': empty,
  'annotations.exportW3C': z.strictObject({ articleId: id.optional() }),
  'annotations.importW3C': z.strictObject({ json: z.string().min(2).max(50_000_000) }),
  'export.toFolder': z.strictObject({ articleId: id.optional() }),
  'folders.rename': z.strictObject({
    from: z.string().trim().min(1).max(200),
    to: z.string().trim().min(1).max(200),
  }),
  'folders.delete': z.strictObject({ name: z.string().trim().min(1).max(200) }),
  'articles.related': z.strictObject({ id, limit: z.number().int().min(1).max(50).optional() }),
} satisfies Record<Method, z.ZodType>;

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

/** The list of methods, re-exported for places that want it with the contract. */
export const API_METHODS: readonly Method[] = METHODS;
