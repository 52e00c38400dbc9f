/** The reference text of the articles.* methods (see method-doc.ts). */
import type { MethodDoc, MethodsOf } from './method-doc';

const PAGE_ERRORS = {
  FETCH_FAILED: 'the page could not be fetched (an HTTP error, a redirect loop, no network)',
  TIMEOUT: 'the server took longer than 20 s',
  TOO_LARGE: 'the page is larger than 10 MB',
  PARSE_FAILED: 'the answer is not a web page (a PDF, an image, a feed) or has no readable text',
} as const;

/** Returns the reference text of every articles.* method. */
export const ARTICLE_METHOD_DOCS: Record<MethodsOf<'articles'>, MethodDoc> = {
  'articles.list': {
    summary: 'List articles, newest first, a page at a time.',
    description:
      'Returns up to `limit` (default 50) article summaries of feed `feedId`, or of every ' +
      'source, that pass `filter`: `all`, `unread`, `starred`, `annotated` (with highlights or ' +
      'a note) or `saved` (the library: the seed and saved pages). Newest first by publication ' +
      'date, or by fetch time when the feed gives none; pass `nextCursor` back as `cursor` for ' +
      'the next page.',
    errors: { BAD_REQUEST: 'the cursor is not one this method gave' },
  },
  'articles.get': {
    summary: 'Get a whole article for the reader.',
    description:
      'Returns article `id` with its sanitized HTML, its full text when fetched, its highlights ' +
      'placed in the current text and its note. Stored images are served from `/assets/<id>`; ' +
      'with remote content blocked, no remote image or media is left in the HTML.',
    errors: { NOT_FOUND: 'there is no article with this id' },
  },
  'articles.update': {
    summary: 'Mark an article read or unread, starred or not.',
    description:
      'Sets the read and starred state of article `id` and returns its summary. This state ' +
      'outlives the article’s retention. Sends `articles.changed`.',
    errors: { NOT_FOUND: 'there is no article with this id' },
  },
  'articles.search': {
    summary: 'Search titles, text, highlights and notes.',
    description:
      'Returns up to `limit` (default 50) hits for the words of `query`, best first, in any ' +
      'language: all words must match, the last one as a prefix. Articles come first, then ' +
      'highlights and notes, which keep at least a quarter of the hits.',
    errors: {},
  },
  'articles.fetchFullText': {
    summary: 'Fetch an article’s web page and keep its readable text.',
    description:
      'Fetches the web page of article `id`, extracts its readable part and keeps it as ' +
      '`fullTextHtml` beside the feed’s version, with its images for offline reading, then ' +
      'returns the article. On failure the feed’s version is left as it was and the error is ' +
      'recorded on the article. Sends `articles.changed`.',
    errors: {
      NOT_FOUND: 'there is no article with this id',
      BAD_REQUEST: 'the article has no web address',
      ...PAGE_ERRORS,
    },
  },
  'articles.save': {
    summary: 'Save any web page for offline reading.',
    description:
      'Fetches the page at `url`, extracts its readable part and keeps it, with its images, as ' +
      'a library article (read-it-later), then returns it. Saving the same page again updates ' +
      'that article, never a duplicate. Sends `articles.changed`.',
    errors: { ...PAGE_ERRORS },
  },
  'articles.related': {
    summary: 'Find articles like this one (“More like this”).',
    description:
      'Returns up to `limit` (default 10) articles of the library most like article `id`, best ' +
      'first, without it.',
    errors: { NOT_FOUND: 'there is no article with this id' },
  },
};
