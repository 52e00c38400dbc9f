/**
 * Fetching a web page for its full text: the app's bounded GET (20 s, 10 MB, 5 redirects,
 * docs/technotes/fetch-and-decode.md) with an HTML Accept header, then the HTML decode step.
 */
import { ApiError } from '../../../shared/errors';
import type { HttpGet } from '../net/fetch-bytes';
import type { FetchRequest } from '../net/types';
import { decodeHtml } from './decode-html';

/** What a page fetch gives: the page's text and the URL it came from after redirects. */
export interface FetchedPage {
  /** The URL after redirects: what relative URLs on the page resolve against. */
  url: string;
  html: string;
}

/** A page fetcher; the background queue may pass one that waits for a slot. */
export type PageFetcher = (request: FetchRequest) => Promise<FetchedPage>;

const ACCEPT_HTML = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';

/** Content types that are web pages. A missing type is given the benefit of the doubt. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Returns a page fetcher over `get`. Its pages are the decoded HTML at `request.url`; it throws
 * the fetcher's ApiErrors (FETCH_FAILED, TIMEOUT, TOO_LARGE, BAD_REQUEST) and PARSE_FAILED when
 * the answer is not a web page (a PDF, an image, a feed): Folio can only read the text of HTML.
 */
export function pageFetcher(get: HttpGet): PageFetcher {
  return (request) => fetchPage(get, request);
}

async function fetchPage(get: HttpGet, request: FetchRequest): Promise<FetchedPage> {
  const outcome = await get(request, ACCEPT_HTML);
  // No validators are sent, so a 304 can only come from a broken server.
  if (outcome.status !== 'ok') {
    throw new ApiError('FETCH_FAILED', `${request.url} answered 304 to a plain request`);
  }
  const type = outcome.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== '' && !HTML_TYPES.has(type)) {
    throw new ApiError(
      'PARSE_FAILED',
      `${outcome.finalUrl} is not a web page (it is ${type}); Folio can only keep the text of HTML pages.`,
      { contentType: type },
    );
  }
  return { url: outcome.finalUrl, html: decodeHtml(outcome.bytes, outcome.contentType).text };
}
