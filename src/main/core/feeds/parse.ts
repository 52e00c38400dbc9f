/**
 * parseFeedText: a decoded feed document -> ParsedFeed. Pure (no I/O); async only because
 * rss-parser is. JSON Feed is read by hand (json-feed.ts), XML through rss-parser
 * (rss-parser-adapter.ts); XML that fails the strict parse is repaired (lenient-xml.ts) and
 * parsed once more, flagged `recovered`.
 */
import { ApiError } from '../../../shared/errors';
import { parseJsonFeed } from './json-feed';
import { repairXml, stripIllegalControls } from './lenient-xml';
import { parseXmlFeed } from './rss-parser-adapter';
import type { ParsedFeed } from './types';

/** rss-parser's message for well-formed XML whose root is not rss, RDF or feed. */
const NOT_RECOGNIZED = /not recognized as RSS/i;

function notAFeed(message: string): ApiError {
  return new ApiError('NOT_A_FEED', message);
}

/** Returns the document with any BOM and leading blanks removed. */
function trimStart(text: string): string {
  return text.replace(/^[\uFEFF\s]+/, '');
}

/**
 * Returns true when the document is an HTML page rather than a feed: its first element is
 * <html>, or it declares an HTML doctype and no feed root follows (some feeds carry an XHTML
 * doctype before <rss>).
 */
function looksLikeHtml(head: string): boolean {
  const start = head
    .slice(0, 4096)
    .replace(/<!--[\s\S]*?-->|<\?xml[^>]*>/g, '')
    .trimStart();
  if (/^<html[\s>]/i.test(start)) return true;
  return /^<!doctype\s+html\b/i.test(start) && !/<(rss|feed|rdf:RDF)[\s>]/.test(start);
}

function describe(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

/**
 * Returns the feed in `text` (already decoded). Throws ApiError NOT_A_FEED for an empty body,
 * an HTML page, JSON that is not a JSON Feed or XML that is not RSS/RDF/Atom, and PARSE_FAILED
 * for a document that stays unreadable after the lenient repairs.
 */
export async function parseFeedText(text: string): Promise<ParsedFeed> {
  const body = trimStart(text);
  if (body === '') throw notAFeed('The document is empty.');
  if (body.startsWith('{') || body.startsWith('[')) return parseJsonFeed(body);
  if (looksLikeHtml(body)) {
    throw notAFeed('This is a web page (HTML), not a feed; try the page address in feeds.add.');
  }
  let strictError: unknown;
  try {
    return await parseXmlFeed(stripIllegalControls(text), false);
  } catch (err) {
    if (NOT_RECOGNIZED.test(describe(err))) throw notRecognized();
    strictError = err;
  }
  const repaired = repairXml(text);
  if (!repaired.includes('<')) throw notAFeed('The document holds no XML or JSON feed.');
  try {
    return await parseXmlFeed(repaired, true);
  } catch (err) {
    if (NOT_RECOGNIZED.test(describe(err))) throw notRecognized();
    throw new ApiError('PARSE_FAILED', `The feed could not be read: ${describe(strictError)}`);
  }
}

function notRecognized(): ApiError {
  return notAFeed('This XML document is not an RSS, RDF or Atom feed.');
}
