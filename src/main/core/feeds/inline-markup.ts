/**
 * Inline markup in text elements, turned into escaped text before parsing. Atom type="xhtml"
 * (and Atom 0.3 mode="xml") bodies are XML children, and so is the "naked" HTML some feeds put
 * straight into <description> or <title>; xml2js would regroup those children by name and lose
 * the text between them. Escaped, the markup reaches us as one string in document order.
 */

import type { TextPayloads } from './text-payloads';

/** Text elements whose children are markup (prefixes: ours after xml-namespaces.ts's table). */
const TEXT_ELEMENTS =
  /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<((?:atom:|dc:|itunes:)?(?:content|summary|title|subtitle|tagline|description|info|rights|copyright)|content:encoded|(?:xhtml:)?body)(\s[^>]*?)?(\/?)>/g;

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Escapes markup; the text of CDATA sections inside it is text, so it is escaped for HTML first. */
function escapeMarkup(inner: string): string {
  return inner
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 === 1 ? escapeXml(escapeXml(part.slice(9, -3))) : escapeXml(part)))
    .join('');
}

/**
 * Returns the index of the `</name` that closes an element whose content starts at `from`,
 * skipping CDATA sections (an HTML `<summary>` inside a CDATA body is text), or -1.
 */
function findClose(xml: string, name: string, from: number): number {
  let at = from;
  for (;;) {
    const close = xml.indexOf(`</${name}`, at);
    if (close < 0) return -1;
    // Look for CDATA only before this candidate: searching the rest of the document for every
    // element made a 1,000-entry Atom feed without CDATA quadratic (2.2 s of 2.7 s in the bench).
    const inside = xml.substring(at, close).indexOf('<![CDATA[');
    if (inside < 0) return close;
    const cdata = at + inside;
    const end = xml.indexOf(']]>', cdata);
    if (end < 0) return -1;
    at = end + 3;
  }
}

/** Returns true when the element's content has child elements (not only text and CDATA). */
function hasChildElements(inner: string): boolean {
  if (!inner.includes('<')) return false;
  return /<[A-Za-z]/.test(inner.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''));
}

/**
 * Returns `xml` with the child markup of text elements escaped into their text, and, when
 * `payloads` is given, their long text-only contents replaced by placeholders (text-payloads.ts).
 */
export function escapeInlineMarkup(xml: string, payloads: TextPayloads | null = null): string {
  let out = '';
  let last = 0;
  for (const m of xml.matchAll(TEXT_ELEMENTS)) {
    if (m[1] === undefined || m.index < last || m[3] === '/') continue;
    const open = m.index + m[0].length;
    const close = findClose(xml, m[1], open);
    if (close < 0) continue;
    const inner = xml.slice(open, close);
    // Lifted first: a body lifted is text and CDATA only, so it has no child elements, and its
    // CDATA sections are not scanned a second time by hasChildElements.
    const placeholder = payloads?.lift(inner) ?? null;
    if (placeholder !== null) {
      out += xml.slice(last, open) + placeholder;
      last = close;
      continue;
    }
    if (!hasChildElements(inner)) continue;
    const attrs = m[2] ?? '';
    // Markup without a declared type is HTML to us (RSS bodies are; Atom ones now are too).
    const typed = /\b(type|mode)\s*=/.test(attrs) ? attrs : `${attrs} type="xhtml"`;
    out += `${xml.slice(last, m.index)}<${m[1]}${typed}>${escapeMarkup(inner)}`;
    last = close;
  }
  return last === 0 ? xml : out + xml.slice(last);
}
