/**
 * The decode step for web pages (full text, saved pages, discovery): the feed decoder's order
 * with the HTML charset declaration before the XML one (docs/technotes/offline-reading.md, "Full
 * text and saved pages"). Pure: no I/O.
 */
import { decodeText, headerCharset, prologEncoding, type DecodedText } from '../net/decode-text';

/** How far into the bytes a <meta> charset is looked for (the HTML prescan's 1024 bytes). */
const PRESCAN_BYTES = 1024;

/**
 * Returns the text of an HTML page and the encoding used. The order: a byte order mark (and
 * UTF-16/32 byte patterns); the charset of the HTTP Content-Type; `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1024 bytes; an XML
 * declaration; else UTF-8.
 * A label no decoder knows falls through to the next source; this never throws.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): DecodedText {
  // The XML declaration last: only an XHTML page has one.
  return decodeText(bytes, [headerCharset(contentType), metaCharset(bytes), prologEncoding(bytes)]);
}

/** Returns the charset a `<meta>` tag declares in the first 1024 bytes, or null. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, PRESCAN_BYTES))
    // A commented-out meta is not a declaration (old templates keep the previous one there).
    .replace(/<!--[\s\S]*?(-->|$)/g, '');
  for (const tag of head.match(/<meta\s[^>]*>/gi) ?? []) {
    const own = /\scharset\s*=\s*["']?\s*([^"'\s;/>]+)/i.exec(tag);
    if (own) return own[1]!;
    // Only Content-Type's content names a charset; a description that says "charset=" does not.
    if (!/\shttp-equiv\s*=\s*["']?\s*content-type/i.test(tag)) continue;
    const inContent = /\scontent\s*=\s*["'][^"']*?\bcharset\s*=\s*([^"'\s;]+)/i.exec(tag);
    if (inContent) return inContent[1]!;
  }
  return null;
}
