/**
 * The result schema of every Api method, for the generated Api reference (docs/api.md) and
 * /api/openapi.json. contract.ts's `Results` interface stays the type the code uses (the renderer
 * imports it without zod); the check at the end fails `npm run typecheck` when the two differ.
 */
import { z } from 'zod';
import type { Method } from '../methods';
import type { Results } from '../contract';
import {
  annotationImportSchema,
  articleNoteSchema,
  highlightSchema,
  listedNoteSchema,
} from './annotation-schemas';
import {
  articlePageSchema,
  articleSchema,
  articleSummarySchema,
  searchHitSchema,
} from './article-schemas';
import { count } from './common';
import {
  discoveredFeedSchema,
  feedSchema,
  refreshResultSchema,
  relatedFeedSchema,
} from './feed-schemas';
import { libraryUsageSchema, offlineResultSchema, settingsSchema } from './library-schemas';
import type { Equal, Expect } from './type-equal';

const ok = z.strictObject({ ok: z.literal(true).describe('Always true.') }).describe('Done.');
const folderFeeds = z.strictObject({ feeds: count('Feeds that were in the folder.') });

/** Returns the result schema of every method. */
export const resultSchemas = {
  'feeds.list': z.array(feedSchema).describe('Every subscribed feed, with its unread count.'),
  'feeds.add': feedSchema.describe('The new feed, fetched (or kept with its error when offline).'),
  'feeds.update': feedSchema.describe('The feed as it now is.'),
  'feeds.remove': ok,
  'feeds.refresh': refreshResultSchema.describe('What the refresh did, once it has finished.'),
  'feeds.discover': z
    .array(discoveredFeedSchema)
    .describe('The feeds found on that page or site, verified, best first; empty when none.'),
  'feeds.importOpml': z
    .strictObject({
      added: count('Feeds subscribed.'),
      skipped: count('Feeds already followed, or listed twice in the file.'),
      errors: z
        .array(
          z.strictObject({
            url: z.string().describe('The feed’s address as the file gives it.'),
            message: z.string().describe('What went wrong.'),
          }),
        )
        .describe('Outlines that are not feeds, and new feeds whose first fetch failed.'),
    })
    .describe('What the import did, once every new feed has been tried.'),
  'feeds.exportOpml': z
    .strictObject({ xml: z.string().describe('An OPML 2.0 document, folders as outlines.') })
    .describe('Every subscription as OPML.'),
  'feeds.related': z.array(relatedFeedSchema).describe('Feeds like the article, best first.'),
  'articles.list': articlePageSchema.describe('One page of articles, newest first.'),
  'articles.get': articleSchema.describe('The whole article.'),
  'articles.update': articleSummarySchema.describe('The article’s summary as it now is.'),
  'articles.search': z.array(searchHitSchema).describe('The best hits, best first.'),
  'articles.fetchFullText': articleSchema.describe('The article with its `fullTextHtml`.'),
  'articles.save': articleSchema.describe('The saved page as a library article.'),
  'highlights.create': highlightSchema.describe('The new highlight, anchored.'),
  'highlights.update': highlightSchema.describe('The highlight as it now is.'),
  'highlights.delete': ok,
  'highlights.list': z
    .array(highlightSchema)
    .describe('The highlights, each with its article’s id and title.'),
  'notes.set': articleNoteSchema.describe('The note as it now is (an empty body once deleted).'),
  'export.markdown': z
    .strictObject({
      files: z
        .array(
          z.strictObject({
            name: z.string().describe('A file name, unique in the export, ending in `.md`.'),
            content: z.string().describe('The Markdown: front matter, highlights and notes.'),
          }),
        )
        .describe('One file per annotated article.'),
    })
    .describe('Markdown files, one per article with highlights or a note.'),
  'settings.get': settingsSchema.describe('The current settings.'),
  'settings.update': settingsSchema.describe('The settings as they now are.'),
  'offline.make': offlineResultSchema.describe('What was made available, once it is done.'),
  'library.usage': libraryUsageSchema.describe('The space used, in all and by source.'),
  'library.cleanup': z
    .strictObject({
      deletedArticles: count('Read articles past the retention period that were deleted.'),
      deletedImages: count('Stored images no article uses any more that were deleted.'),
    })
    .describe('What the clean-up deleted.'),
  'library.compact': z
    .strictObject({
      beforeBytes: count('The database file’s size before.'),
      afterBytes: count('Its size after.'),
    })
    .describe('The database file’s size before and after compacting.'),
  'notes.list': z
    .array(listedNoteSchema)
    .describe('Every article note, with its article’s title and feed.'),
  'annotations.exportW3C': z
    .strictObject({
      json: z.string().describe('A W3C Web Annotation collection (JSON-LD), ready to save.'),
    })
    .describe('The annotations as a W3C Web Annotation collection.'),
  'annotations.importW3C': annotationImportSchema.describe('What the import did.'),
  'export.toFolder': z
    .strictObject({
      folder: z.string().nullable().describe('The folder written to; null when cancelled.'),
      files: count('Files written.'),
    })
    .describe('Where the files went.'),
  'folders.rename': folderFeeds.describe('How many feeds moved to the new name.'),
  'folders.delete': folderFeeds.describe('How many feeds are now outside any folder.'),
  'articles.related': z
    .array(articleSummarySchema)
    .describe('Articles of the library like this one, best first.'),
} satisfies Record<Method, z.ZodType>;

// Drift check: every result schema's output is exactly contract.ts's Results (npm run typecheck).
export type _ResultSchemasMatch = Expect<
  Equal<{ [M in Method]: z.output<(typeof resultSchemas)[M]> }, Results>
>;
