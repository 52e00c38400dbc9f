/**
 * Writing the subscriptions as OPML 2.0: one outline per folder holding its feeds' outlines,
 * then the feeds outside any folder, as Feedly, Inoreader and NetNewsWire write them, so that
 * any reader (and Folio itself) imports them back the same. Pure: no I/O (docs/technotes/opml.md).
 */
import type { Feed } from '../../../../shared/model';

/** Returns the OPML 2.0 document of `feeds`, dated `now`. */
export function writeOpml(feeds: Feed[], now = new Date()): string {
  const folders = new Map<string, Feed[]>();
  const loose: Feed[] = [];
  for (const feed of feeds) {
    if (feed.folder === null) loose.push(feed);
    else folders.set(feed.folder, [...(folders.get(feed.folder) ?? []), feed]);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>Folio subscriptions</title>',
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  for (const [name, inFolder] of folders) {
    lines.push(`    <outline text="${attr(name)}" title="${attr(name)}">`);
    for (const feed of inFolder) lines.push(`      ${feedOutline(feed)}`);
    lines.push('    </outline>');
  }
  for (const feed of loose) lines.push(`    ${feedOutline(feed)}`);
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

/** One feed's outline: type="rss" is what every reader writes for any feed (Atom and JSON too). */
function feedOutline(feed: Feed): string {
  const title = attr(feed.title || feed.url);
  const site = feed.siteUrl ? ` htmlUrl="${attr(feed.siteUrl)}"` : '';
  return `<outline type="rss" text="${title}" title="${title}" xmlUrl="${attr(feed.url)}"${site}/>`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Returns `value` escaped for a double-quoted XML attribute (newlines kept as references). */
function attr(value: string): string {
  // Characters XML 1.0 forbids (control characters other than tab and newlines) are dropped.
  // eslint-disable-next-line no-control-regex
  const legal = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return legal.replace(/[&<>"\n\r\t]/g, (c) => ESCAPES[c]!);
}
