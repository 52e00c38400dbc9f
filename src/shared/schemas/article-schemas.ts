/**
 * zod schemas of the article types of model.ts (ArticleKind, ArticleSummary, Enclosure, Article,
 * ArticlePage, SearchHit), for the generated Api reference (docs/api.md) and /api/openapi.json.
 * Each is checked at compile time to match its model.ts type exactly.
 */
import { z } from 'zod';
import type {
  Article,
  ArticleKind,
  ArticlePage,
  ArticleSummary,
  Enclosure,
  SearchHit,
} from '../model';
import { articleNoteSchema, highlightColorSchema, highlightSchema } from './annotation-schemas';
import { isoTimeOrNull, recordId, recordIdOrNull } from './common';
import type { Equal, Expect } from './type-equal';

/** The schema of ArticleKind: where an article came from. */
export const articleKindSchema = z.enum(['feed', 'seed', 'saved']).meta({
  id: 'ArticleKind',
  description:
    'Where an article came from: a feed, the seed imported on first start, or a saved page.',
});

/** The schema of ArticleSummary: what the article list shows for one article. */
export const articleSummarySchema = z
  .strictObject({
    id: recordId('The article’s id.'),
    feedId: recordIdOrNull('The article’s feed; null for the library (the seed, saved pages).'),
    feedTitle: z.string().nullable().describe('The feed’s title; null for the library.'),
    kind: articleKindSchema.describe('Where the article came from.'),
    title: z.string().describe('The article’s title.'),
    url: z.string().nullable().describe('The article’s web address, when it has one.'),
    author: z.string().nullable().describe('The author, when the feed names one.'),
    publishedAt: isoTimeOrNull('When it was published, when the feed says.'),
    excerpt: z.string().describe('The start of its text (plain text, up to 240 characters).'),
    readAt: isoTimeOrNull('When it was read; null while unread.'),
    starredAt: isoTimeOrNull('When it was starred; null when not starred.'),
    offlineReady: z
      .boolean()
      .describe(
        'True when the text and every image it shows are stored locally (readable offline).',
      ),
  })
  .meta({ id: 'ArticleSummary', description: 'What the article list shows for one article.' });

/** The schema of Enclosure: a file attached to an article by its feed. */
export const enclosureSchema = z
  .strictObject({
    url: z.string().describe('The file’s address.'),
    type: z.string().nullable().describe('Its media type, when the feed says.'),
    length: z.number().nullable().describe('Its size in bytes, when the feed says.'),
  })
  .meta({
    id: 'Enclosure',
    description: 'A file attached to an article by its feed: podcast audio, video, an image.',
  });

/** The schema of Article: a whole article for the reader. */
export const articleSchema = articleSummarySchema
  .extend({
    contentHtml: z
      .string()
      .describe('The feed’s HTML, sanitized at ingestion; stored images point at `/assets/<id>`.'),
    fullTextHtml: z
      .string()
      .nullable()
      .describe('The readable part of the article’s web page, when it was fetched (sanitized).'),
    highlights: z.array(highlightSchema).describe('Its highlights, placed in the current text.'),
    note: articleNoteSchema.nullable().describe('Its Markdown note, or null.'),
    categories: z.array(z.string()).describe('The feed’s categories (tags) for the article.'),
    enclosures: z.array(enclosureSchema).describe('Files the feed attached to it.'),
  })
  .meta({
    id: 'Article',
    description:
      'A whole article for the reader: the summary plus its HTML, full text, highlights and note.',
  });

/** The schema of ArticlePage: one page of the article list. */
export const articlePageSchema = z
  .strictObject({
    items: z.array(articleSummarySchema).describe('The articles, newest first.'),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` for the next page; null on the last page.'),
  })
  .meta({ id: 'ArticlePage', description: 'One page of the article list, newest first.' });

/** The schema of SearchHit: one search hit. */
export const searchHitSchema = z
  .strictObject({
    articleId: recordId('The article found (or the one the highlight or note is on).'),
    title: z.string().describe('The article’s title.'),
    snippet: z
      .string()
      .describe('An HTML snippet of the matching text (escaped), the terms in `<mark>`.'),
    kind: z
      .enum(['article', 'highlight', 'note'])
      .describe('What matched: the article, one of its highlights, or its note.'),
    highlightId: recordId(
      'For a highlight hit: which highlight, to jump to its passage.',
    ).optional(),
    color: highlightColorSchema.optional().describe('For a highlight hit: its colour.'),
  })
  .meta({ id: 'SearchHit', description: 'One search hit.' });

// Drift check: each schema's output is exactly its model.ts type (npm run typecheck).
export type _ArticleSchemasMatch = [
  Expect<Equal<z.output<typeof articleKindSchema>, ArticleKind>>,
  Expect<Equal<z.output<typeof articleSummarySchema>, ArticleSummary>>,
  Expect<Equal<z.output<typeof enclosureSchema>, Enclosure>>,
  Expect<Equal<z.output<typeof articleSchema>, Article>>,
  Expect<Equal<z.output<typeof articlePageSchema>, ArticlePage>>,
  Expect<Equal<z.output<typeof searchHitSchema>, SearchHit>>,
];
