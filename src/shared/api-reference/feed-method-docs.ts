/** The reference text of the feeds.* and folders.* methods (see method-doc.ts). */
import type { MethodDoc, MethodsOf } from './method-doc';

const FETCH_ERRORS = {
  FETCH_FAILED: 'the server answered with an HTTP error, a redirect loop or a bad certificate',
  TIMEOUT: 'the server took longer than 20 s',
  TOO_LARGE: 'the document is larger than 10 MB',
} as const;

/** Returns the reference text of every feeds.* and folders.* method. */
export const FEED_METHOD_DOCS: Record<MethodsOf<'feeds' | 'folders'>, MethodDoc> = {
  'feeds.list': {
    summary: 'List the subscribed feeds.',
    description:
      'Returns every subscribed feed with its unread count and the outcome of its last fetch, ' +
      'feeds outside folders first, then by folder, each by title.',
    errors: {},
  },
  'feeds.add': {
    summary: 'Subscribe to a feed or a site.',
    description:
      'Subscribes to `url` and answers once the first fetch is done and its articles are ' +
      'stored. A web page or a bare site is autodiscovered: its best feed is subscribed. When the ' +
      'server cannot be reached at all (no network), the feed is kept with its error and fetched ' +
      'again soon. Sends `feeds.changed` and `articles.changed`.',
    errors: {
      CONFLICT: 'the feed is already followed (`details.feedId` names it)',
      NOT_A_FEED: 'the address is a page with no feed on it or at the usual places of its site',
      PARSE_FAILED: 'the feed could not be read',
      ...FETCH_ERRORS,
      UNAVAILABLE: 'Folio is closing',
    },
  },
  'feeds.update': {
    summary: 'Rename a feed, move it to a folder, or set its full-text option.',
    description:
      'Changes the given fields of feed `id` and returns it. A blank or null `folder` moves the ' +
      'feed to the top level. Sends `feeds.changed`.',
    errors: { NOT_FOUND: 'there is no feed with this id' },
  },
  'feeds.remove': {
    summary: 'Unsubscribe from a feed.',
    description:
      'Removes feed `id` and its articles; articles the user starred, highlighted or noted are ' +
      'kept in the library. Sends `feeds.changed` and `articles.changed`.',
    errors: { NOT_FOUND: 'there is no feed with this id' },
  },
  'feeds.refresh': {
    summary: 'Fetch one feed or all of them now.',
    description:
      'Fetches feed `id`, or every feed when `id` is left out, and answers when all are done. ' +
      'A feed that fails does not stop the others: its error is kept on the feed and listed in ' +
      '`errors`. Sends `refresh` as each feed is done, then `feeds.changed`.',
    errors: { NOT_FOUND: 'there is no feed with this id' },
  },
  'feeds.discover': {
    summary: 'Find the feeds of a page or site.',
    description:
      'Looks for feeds at `url`: the page itself when it is a feed, the feeds it links to, known ' +
      'platforms and the usual places of its site. Each is verified by fetching it. Nothing is ' +
      'subscribed.',
    errors: { ...FETCH_ERRORS },
  },
  'feeds.importOpml': {
    summary: 'Subscribe to the feeds of an OPML file.',
    description:
      'Subscribes to every new feed of the OPML document `xml`, with its title and folder, then ' +
      'fetches each and answers when all have been tried. Feeds already followed are skipped; a ' +
      'feed whose fetch fails stays subscribed with its error. Sends `feeds.changed` and ' +
      '`import` progress.',
    errors: { PARSE_FAILED: 'the file is not OPML or is broken; nothing was stored' },
  },
  'feeds.exportOpml': {
    summary: 'Export the subscriptions as OPML.',
    description: 'Returns every subscription as an OPML 2.0 document, with folders as outlines.',
    errors: {},
  },
  'feeds.related': {
    summary: 'Suggest feeds related to an article.',
    description:
      'Returns up to 10 feeds like article `articleId`, best first: the feeds of its own site, of ' +
      'sites it links to, and of the catalog of news feeds shipped with Folio (which works ' +
      'offline), ranked by how well they match its text.',
    errors: { NOT_FOUND: 'there is no article with this id' },
  },
  'folders.rename': {
    summary: 'Rename a folder.',
    description:
      'Moves every feed of folder `from` to folder `to`; renaming onto an existing folder merges ' +
      'the two. Sends `feeds.changed`.',
    errors: { NOT_FOUND: 'no feed is in a folder of that name' },
  },
  'folders.delete': {
    summary: 'Delete a folder, keeping its feeds.',
    description:
      'Moves every feed of folder `name` to the top level: deleting a folder never unsubscribes. ' +
      'Sends `feeds.changed`.',
    errors: { NOT_FOUND: 'no feed is in a folder of that name' },
  },
};
