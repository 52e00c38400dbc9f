/**
 * zod schemas of the settings and library types of model.ts (Settings, OfflineResult,
 * SourceUsage, LibraryUsage), for the generated Api reference (docs/api.md) and
 * /api/openapi.json. Each is checked at compile time to match its interface exactly.
 */
import { z } from 'zod';
import type { LibraryUsage, OfflineResult, Settings, SourceUsage } from '../model';
import { count, recordIdOrNull } from './common';
import type { Equal, Expect } from './type-equal';

/** The schema of Settings: the user's settings. */
export const settingsSchema = z
  .strictObject({
    keepImages: z
      .boolean()
      .describe('Download the images of stored articles for offline reading (default true).'),
    blockRemoteContent: z
      .boolean()
      .describe(
        'Never load images or media from the web while reading: only what is stored (privacy).',
      ),
    retentionDays: count(
      'Delete read articles older than this many days; 0 keeps everything (default 90).',
    ),
  })
  .meta({ id: 'Settings', description: 'The user’s settings.' });

/** The schema of OfflineResult: the outcome of making articles available offline. */
export const offlineResultSchema = z
  .strictObject({
    articles: count('Articles made available offline.'),
    images: count('Images downloaded now.'),
    incomplete: count(
      'Articles that still miss something (a page or an image that could not be fetched).',
    ),
  })
  .meta({ id: 'OfflineResult', description: 'The outcome of making articles available offline.' });

/** The schema of SourceUsage: the space used by one source. */
export const sourceUsageSchema = z
  .strictObject({
    feedId: recordIdOrNull('The feed; null for the library.'),
    title: z.string().describe('The feed’s title, or "Library".'),
    articles: count('Articles stored.'),
    textBytes: count('Bytes of article text and HTML.'),
    imageBytes: count('Bytes of images kept for offline reading.'),
  })
  .meta({
    id: 'SourceUsage',
    description: 'Space used by one source (a feed, or the library when feedId is null).',
  });

/** The schema of LibraryUsage: how the library uses the disk. */
export const libraryUsageSchema = z
  .strictObject({
    databaseBytes: count('The size of the database file on disk.'),
    sources: z.array(sourceUsageSchema).describe('The space used by each feed and the library.'),
  })
  .meta({ id: 'LibraryUsage', description: 'How the library uses the disk.' });

// Drift check: each schema's output is exactly its model.ts interface (npm run typecheck).
export type _LibrarySchemasMatch = [
  Expect<Equal<z.output<typeof settingsSchema>, Settings>>,
  Expect<Equal<z.output<typeof offlineResultSchema>, OfflineResult>>,
  Expect<Equal<z.output<typeof sourceUsageSchema>, SourceUsage>>,
  Expect<Equal<z.output<typeof libraryUsageSchema>, LibraryUsage>>,
];
