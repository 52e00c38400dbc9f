/**
 * zod schemas of the feed types of model.ts (Feed, DiscoveredFeed, RelatedFeed, RefreshResult),
 * for the generated Api reference (docs/api.md) and /api/openapi.json. Each is checked at compile
 * time to match its interface exactly.
 */
import { z } from 'zod';
import type { DiscoveredFeed, Feed, RefreshResult, RelatedFeed } from '../model';
import { count, isoTimeOrNull, recordId } from './common';
import type { Equal, Expect } from './type-equal';

/** The schema of Feed: a subscribed feed with its unread count and last fetch outcome. */
export const feedSchema = z
  .strictObject({
    id: recordId('The feed’s id.'),
    url: z.string().describe('The feed’s address (its new one after a permanent redirect).'),
    siteUrl: z.string().nullable().describe('The web site the feed belongs to, when it says.'),
    title: z.string().describe('The feed’s title, or the name the user gave it.'),
    folder: z
      .string()
      .nullable()
      .describe('The folder the feed is in (one level of folders); null at the top level.'),
    unreadCount: count('Articles of the feed not read yet.'),
    lastFetchedAt: isoTimeOrNull('When the feed was last fetched with success.'),
    lastError: z
      .string()
      .nullable()
      .describe('Why the last fetch failed, shown to the user; null after a good fetch.'),
    fullText: z
      .boolean()
      .describe(
        'Fetch each new article’s full web page during refresh ("always fetch full text").',
      ),
  })
  .meta({
    id: 'Feed',
    description: 'A subscribed feed with its unread count and last fetch outcome.',
  });

/** The schema of DiscoveredFeed: a feed found on a page or site. */
export const discoveredFeedSchema = z
  .strictObject({
    url: z.string().describe('The feed’s address, ready for feeds.add.'),
    title: z.string().describe('The feed’s title (its host name when it has none).'),
    type: z.enum(['rss', 'atom', 'json']).describe('The feed’s format (RSS, Atom or JSON Feed).'),
  })
  .meta({ id: 'DiscoveredFeed', description: 'A feed found on a page or site.' });

/** The schema of RelatedFeed: a feed suggested for the article being read. */
export const relatedFeedSchema = z
  .strictObject({
    url: z.string().describe('The feed’s address.'),
    title: z.string().describe('The feed’s title.'),
    reason: z.string().describe('Why it is suggested, in words for the reader.'),
    score: z.number().min(0).describe('How well it matches the article (higher is better).'),
    subscribed: z.boolean().describe('True when the user already follows it.'),
  })
  .meta({ id: 'RelatedFeed', description: 'A feed suggested for the article being read.' });

/** The schema of RefreshResult: the outcome of a refresh of one feed or all. */
export const refreshResultSchema = z
  .strictObject({
    feeds: count('Feeds fetched.'),
    newArticles: count('Articles that were not there before.'),
    errors: z
      .array(
        z.strictObject({
          feedId: recordId('The feed that failed.'),
          code: z.string().describe('The error code of the failure (see Error codes).'),
          message: z.string().describe('What went wrong, for the user.'),
        }),
      )
      .describe('The feeds whose fetch failed; their error is also kept on the feed.'),
  })
  .meta({ id: 'RefreshResult', description: 'The outcome of a refresh of one feed or all.' });

// Drift check: each schema's output is exactly its model.ts interface (npm run typecheck).
export type _FeedSchemasMatch = [
  Expect<Equal<z.output<typeof feedSchema>, Feed>>,
  Expect<Equal<z.output<typeof discoveredFeedSchema>, DiscoveredFeed>>,
  Expect<Equal<z.output<typeof relatedFeedSchema>, RelatedFeed>>,
  Expect<Equal<z.output<typeof refreshResultSchema>, RefreshResult>>,
];
