/**
 * Repairs of the common faults of ill-formed feeds, applied only after a strict parse failed
 * (the result is flagged `recovered`). Each repair is small and leaves well-formed parts alone.
 *
 * Security: the DOCTYPE is removed, with any entity declarations in it, so entity expansion
 * cannot blow up (billion laughs) and external entities are never resolved; references to
 * entities that are not XML's or HTML's own are kept as visible text.
 */
import { decodeHTML } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
/** Characters that XML 1.0 forbids anywhere (all C0 controls but tab, newline, return). */
// eslint-disable-next-line no-control-regex -- matching them is the point
const ILLEGAL_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** CDATA sections and comments, kept as they are; everything between them is markup. */
const VERBATIM = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;

/** Returns a numeric reference for an HTML named entity (`&eacute;` -> `&#233;`), or null. */
function htmlEntityAsNumeric(name: string): string | null {
  const decoded = decodeHTML(`&${name};`);
  // decodeHTML also matches legacy prefixes ("&notit;" -> "¬it;"): insist on the whole name.
  if (decoded.startsWith('&') || decoded.includes(';') || [...decoded].length > 2) return null;
  return [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
}

/**
 * Returns the DOCTYPE's internal entities that are plain text (`<!ENTITY id "tag:example.com,">`,
 * escaped for XML). Values referring to other entities are left out, so nothing can expand.
 */
function plainEntities(xml: string): Map<string, string> {
  const entities = new Map<string, string>();
  const doctype = /<!DOCTYPE\b[^[>]*\[([\s\S]*?)\]\s*>/i.exec(xml)?.[1] ?? '';
  for (const m of doctype.matchAll(
    /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g,
  )) {
    const value = m[2] ?? m[3] ?? '';
    if (value.length <= 1000 && !/[&%<]/.test(value))
      entities.set(m[1]!, value.replace(/>/g, '&gt;'));
  }
  return entities;
}

/** Fixes the entity references of markup outside CDATA and comments. */
function repairReferences(markup: string, declared: Map<string, string>): string {
  return markup.replace(/&(#\d+;|#x[0-9a-fA-F]+;|([A-Za-z][\w.-]*);)?/g, (all, ref, name) => {
    if (ref === undefined) return '&amp;';
    if (name === undefined || XML_ENTITIES.has(name)) return all;
    return declared.get(name) ?? htmlEntityAsNumeric(name) ?? `&amp;${name};`;
  });
}

/** Returns `xml` with the text before the first markup (BOM, blanks, junk) dropped. */
function dropLeadingJunk(xml: string): string {
  const prolog = xml.indexOf('<?xml');
  const start = prolog >= 0 ? prolog : xml.search(/<[A-Za-z!?]/);
  return start > 0 ? xml.slice(start) : xml;
}

/** Closes a CDATA section left open at the end and the elements still open after it. */
function closeTruncated(xml: string): string {
  let out = xml;
  if (out.lastIndexOf('<![CDATA[') > out.lastIndexOf(']]>')) out += ']]>';
  const open: string[] = [];
  const tags = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([\w:.-]+)[^>]*?(\/?)>/g;
  for (const m of out.matchAll(tags)) {
    if (m[2] === undefined || m[3] === '/') continue;
    if (m[1] === '/') {
      const at = open.lastIndexOf(m[2]);
      if (at >= 0) open.length = at;
    } else open.push(m[2]);
  }
  // A tag cut in the middle ("<item><ti") is dropped before closing.
  out = out.replace(/<[^>]*$/, '');
  return (
    out +
    open
      .reverse()
      .map((name) => `</${name}>`)
      .join('')
  );
}

/**
 * Returns `xml` without the control characters XML 1.0 forbids. sax lets them through, so this
 * runs before every XML parse, not only on the lenient path (it changes no well-formed document).
 */
export function stripIllegalControls(xml: string): string {
  return xml.replace(ILLEGAL_CONTROLS, '');
}

/** Returns the document with the common well-formedness faults repaired. */
export function repairXml(xml: string): string {
  const declared = plainEntities(xml);
  let out = dropLeadingJunk(xml.replace(/^\uFEFF+/, ''));
  out = out.replace(/<!DOCTYPE\b[^[>]*(?:\[[\s\S]*?\]\s*)?>/gi, '');
  out = out.replace(ILLEGAL_CONTROLS, '');
  out = closeTruncated(out);
  let repaired = '';
  let last = 0;
  for (const m of out.matchAll(VERBATIM)) {
    repaired += repairReferences(out.slice(last, m.index), declared) + m[0];
    last = m.index + m[0].length;
  }
  return repaired + repairReferences(out.slice(last), declared);
}
