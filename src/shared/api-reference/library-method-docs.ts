/** The reference text of the settings.*, offline.* and library.* methods (see method-doc.ts). */
import type { MethodDoc, MethodsOf } from './method-doc';

/** Returns the reference text of every settings.*, offline.* and library.* method. */
export const LIBRARY_METHOD_DOCS: Record<
  MethodsOf<'settings' | 'offline' | 'library'>,
  MethodDoc
> = {
  'settings.get': {
    summary: 'Read the settings.',
    description: 'Returns the user’s settings.',
    errors: {},
  },
  'settings.update': {
    summary: 'Change some settings.',
    description:
      'Changes the given settings and returns all of them. Blocking remote content applies to ' +
      'pages loaded from then on. Sends `settings.changed` to every window.',
    errors: {},
  },
  'offline.make': {
    summary: 'Make a feed, a folder or some articles available offline.',
    description:
      'Fetches what the articles of feed `feedId`, folder `folder` or the list `articleIds` (give ' +
      'exactly one) still need to read offline: their images, whatever the keepImages setting, ' +
      'and their full text when their feed always fetches it. Answers when it is done; unknown ' +
      'article ids are skipped. Sends `offline` progress.',
    errors: {
      NOT_FOUND: 'there is no feed with this id',
      BAD_REQUEST: 'not exactly one of `feedId`, `folder` and `articleIds` was given',
    },
  },
  'library.usage': {
    summary: 'Show the space the library uses.',
    description:
      'Returns the size of the database file and, for each feed and the library, how many ' +
      'articles it keeps and the bytes of their text and images.',
    errors: {},
  },
  'library.cleanup': {
    summary: 'Delete old read articles now.',
    description:
      'Runs retention now: deletes the feed articles read and fetched more than `retentionDays` ' +
      'days ago (none when it is 0), then every stored image no article uses. Starred, ' +
      'highlighted and noted articles, saved pages and the seed are never deleted. Sends ' +
      '`articles.changed` for the feeds that lost articles.',
    errors: {},
  },
  'library.compact': {
    summary: 'Give deleted space back to the disk.',
    description:
      'Compacts the database file (VACUUM) and returns its size before and after. It takes as ' +
      'long as rewriting the file does; nothing else can write meanwhile, and nothing is lost.',
    errors: { CONFLICT: 'the database is in the middle of a write; try again in a moment' },
  },
};
