/**
 * Reading OPML 1.0/2.0 subscription lists as real exporters write them (Feedly, Inoreader,
 * NetNewsWire, Miniflux, Thunderbird): htmlparser2 in XML mode, which never fetches anything
 * (no DTD, no external entities) and reads attributes in any case. Pure: no I/O
 * (docs/technotes/opml.md).
 */
import { Parser } from 'htmlparser2';
import { ApiError } from '../../../../shared/errors';
import { inSteps } from '../in-steps';

/** One feed of the list, as the file gives it. */
export interface OpmlFeed {
  /** The xmlUrl, trimmed (entities decoded). */
  url: string;
  /** The outline's text, else its title; null when it has neither. */
  title: string | null;
  /** The htmlUrl, when given. */
  siteUrl: string | null;
  /** The enclosing folders' names joined with " / ", or null at the top level. */
  folder: string | null;
}

/** What an OPML file holds. */
export interface OpmlDocument {
  feeds: OpmlFeed[];
  /** Feed outlines whose xmlUrl is not an http(s) URL, with why. */
  invalid: { url: string; message: string }[];
}

/** The separator of nested folder names: Folio has one level of folders. */
const FOLDER_SEPARATOR = ' / ';
/** The longest folder name the Api accepts. */
const MAX_FOLDER = 200;

/** One open <outline>: a feed, or a folder named `name`. */
interface OpenOutline {
  folderName: string | null;
  selfClosing: boolean;
  line: number;
}

/** Thousands of characters handed to the parser in parseOpmlInSteps' first step. */
const FIRST_STEP_KB = 64;

/**
 * Returns the feeds of an OPML document in file order. Throws ApiError PARSE_FAILED when the
 * text is not OPML (its root is not <opml>, or it has no <body>) or is cut short or broken (an
 * <outline> or the <opml> element never closed), so that no list is half imported silently.
 */
export function parseOpml(xml: string): OpmlDocument {
  const reader = opmlReader(xml);
  reader.parser.end(xml);
  return reader.result();
}

/**
 * Returns what parseOpml returns, reading the text in slices with the event loop turning
 * between them (in-steps.ts): a list of 100,000 feeds is megabytes of XML, too long for one
 * turn of main.
 */
export async function parseOpmlInSteps(xml: string): Promise<OpmlDocument> {
  const reader = opmlReader(xml);
  let at = 0;
  await inSteps(
    (kilobytes) => {
      const end = at + kilobytes * 1024;
      reader.parser.write(xml.slice(at, end));
      at = end;
      return at >= xml.length;
    },
    { first: FIRST_STEP_KB },
  );
  reader.parser.end();
  return reader.result();
}

/** Returns a parser for `xml` (written whole or in slices) and what it found once ended. */
function opmlReader(xml: string): { parser: Parser; result: () => OpmlDocument } {
  const doc: OpmlDocument = { feeds: [], invalid: [] };
  const open: OpenOutline[] = [];
  let root: string | null = null;
  let sawBody = false;
  let closedRoot = false;
  let broken: string | null = null;

  // Lines counted as the parser moves on: counting from the start for every outline made a
  // 100,000-feed list take seconds (quadratic).
  let counted = 0;
  let line = 1;
  const lineAt = (index: number): number => {
    for (; counted < index; counted++) if (xml.charCodeAt(counted) === 10) line++;
    return line;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        root ??= tag;
        if (tag === 'body') sawBody = true;
        if (tag !== 'outline') return;
        const selfClosing = xml[parser.endIndex - 1] === '/';
        const a = lowerKeys(attrs);
        const line = lineAt(parser.startIndex);
        const label = clean(a.text) ?? clean(a.title);
        const url = feedUrl(a);
        if (url === null) {
          open.push({ folderName: label, selfClosing, line });
          return;
        }
        open.push({ folderName: null, selfClosing, line });
        if (!isHttpUrl(url)) {
          doc.invalid.push({ url, message: 'Not an http(s) feed address.' });
          return;
        }
        // The site link is shown and opened: only http(s) is kept.
        const site = clean(a.htmlurl);
        const siteUrl = site && isHttpUrl(site) ? site : null;
        doc.feeds.push({ url, title: label, siteUrl, folder: folderOf(open) });
      },
      onclosetag(name, isImplied) {
        const tag = name.toLowerCase();
        if (tag === 'opml' && !isImplied) closedRoot = true;
        if (tag !== 'outline') return;
        const outline = open.pop();
        if (outline && isImplied && !outline.selfClosing) {
          broken ??= `the <outline> opened on line ${outline.line} is never closed`;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );

  const result = (): OpmlDocument => {
    if (root !== 'opml') {
      throw new ApiError(
        'PARSE_FAILED',
        root === null
          ? 'This file holds no OPML (no XML element at all).'
          : `This is not an OPML file: it starts with <${root}>, not <opml>.`,
      );
    }
    if (!sawBody) throw new ApiError('PARSE_FAILED', 'This OPML file has no <body>.');
    if (broken || !closedRoot) {
      throw new ApiError(
        'PARSE_FAILED',
        `This OPML file is cut short or broken: ${broken ?? 'it ends before </opml>'}. Nothing was imported.`,
      );
    }
    return doc;
  };
  return { parser, result };
}

/**
 * Returns the outline's feed address: xmlUrl in any case (Thunderbird and hand-made lists vary),
 * or `url` on an outline whose type says it is a feed; null for a folder or a plain link.
 */
function feedUrl(a: Record<string, string>): string | null {
  const xmlUrl = clean(a.xmlurl);
  if (xmlUrl) return xmlUrl;
  const type = (a.type ?? '').toLowerCase();
  return type === 'rss' || type === 'atom' ? clean(a.url) : null;
}

/** The folder of a feed: the names of the folder outlines around it, outermost first. */
function folderOf(open: OpenOutline[]): string | null {
  // The last entry is the feed itself; feed outlines around it (a feed nesting feeds) are no
  // folders.
  const names = open
    .slice(0, -1)
    .map((o) => o.folderName)
    .filter((n): n is string => n !== null);
  if (names.length === 0) return null;
  return names.join(FOLDER_SEPARATOR).slice(0, MAX_FOLDER).trim();
}

function lowerKeys(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) out[key.toLowerCase()] ??= value;
  return out;
}

function clean(value: string | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) && URL.canParse(url);
}
