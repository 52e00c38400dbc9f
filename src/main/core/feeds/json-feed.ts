/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read by hand: the format is small
 * and a JSON document needs no XML parser.
 */
import { ApiError } from '../../../shared/errors';
import { textToHtml } from './text';
import type { Enclosure, ParsedFeed, ParsedItem } from './types';

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/;

type Json = Record<string, unknown>;

const str = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;
const obj = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Returns the author names: 1.1 `authors`, else 1.0 `author`. */
function authorNames(node: Json): string[] {
  const authors = Array.isArray(node.authors) ? node.authors : node.author ? [node.author] : [];
  return authors.flatMap((a) => {
    const author = obj(a);
    const name = author ? (str(author.name) ?? str(author.url)) : null;
    return name ? [name] : [];
  });
}

function attachments(item: Json): Enclosure[] {
  return list(item.attachments).flatMap((a) => {
    const att = obj(a);
    const url = att ? str(att.url) : null;
    if (!att || !url) return [];
    const size = att.size_in_bytes;
    const length = typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : null;
    return [{ url, type: str(att.mime_type), length }];
  });
}

function mapItem(value: unknown): ParsedItem | null {
  const item = obj(value);
  if (!item) return null;
  const id = item.id;
  const guid = typeof id === 'number' ? String(id) : str(id);
  const text = str(item.content_text);
  const summary = str(item.summary);
  return {
    guid: guid?.trim() ?? null,
    // JSON Feed ids are opaque; only `url` is the article's address.
    guidIsPermalink: false,
    link: str(item.url) ?? str(item.external_url),
    title: str(item.title),
    titleIsHtml: false,
    contentHtml: str(item.content_html) ?? (text === null ? null : textToHtml(text)),
    summaryHtml: summary === null ? null : textToHtml(summary),
    authors: authorNames(item),
    categories: list(item.tags).flatMap((t) => (str(t) ? [String(t).trim()] : [])),
    published: str(item.date_published),
    updated: str(item.date_modified),
    enclosures: attachments(item),
    base: null,
  };
}

/** Returns true when `value` (parsed JSON) declares itself a JSON Feed. */
function isJsonFeed(value: unknown): boolean {
  const version = obj(value)?.version;
  return typeof version === 'string' && VERSION.test(version.trim());
}

/** Parses a JSON Feed document; NOT_A_FEED for JSON that is not one, PARSE_FAILED for bad JSON. */
export function parseJsonFeed(text: string): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ApiError('PARSE_FAILED', `The feed is not valid JSON: ${(err as Error).message}`);
  }
  if (!isJsonFeed(value)) {
    throw new ApiError(
      'NOT_A_FEED',
      'This JSON document is not a JSON Feed (no jsonfeed.org version).',
    );
  }
  const feed = value as Json;
  return {
    format: 'json',
    title: str(feed.title),
    titleIsHtml: false,
    siteUrl: str(feed.home_page_url),
    description: str(feed.description),
    language: str(feed.language),
    ttlMinutes: null,
    base: null,
    items: list(feed.items).flatMap((i) => mapItem(i) ?? []),
    recovered: false,
  };
}
