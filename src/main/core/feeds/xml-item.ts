/**
 * Maps one raw RSS item or Atom entry (xml2js nodes, see xml-nodes.ts) to a ParsedItem. One
 * mapper reads both vocabularies, so feeds that mix them (Atom links in RSS, Dublin Core dates
 * in Atom, Media RSS in both) keep everything they say.
 */
import type { Enclosure, ParsedItem } from './types';
import { textToHtml } from './text';
import {
  attributesOf,
  attrOf,
  children,
  firstText,
  textOf,
  textValue,
  type XmlNode,
} from './xml-nodes';

type Raw = Record<string, unknown>;

/** Returns a text construct as HTML: markup kept, plain text escaped into paragraphs. */
function bodyHtml(node: XmlNode | undefined, defaultHtml: boolean): string | null {
  const body = textValue(node, defaultHtml);
  if (body === null) return null;
  return body.isHtml ? body.value : textToHtml(body.value);
}

/** Returns the first body among `names` (RSS elements hold HTML, Atom ones follow their type). */
function firstBody(raw: Raw, names: string[], defaultHtml: boolean): string | null {
  for (const name of names) {
    for (const node of children(raw, name)) {
      const html = bodyHtml(node, defaultHtml);
      if (html !== null) return html;
    }
  }
  return null;
}

function link(raw: Raw): string | null {
  const orig = firstText(raw, 'feedburner:origLink');
  if (orig) return orig.trim();
  for (const name of ['link', 'atom:link']) {
    for (const node of children(raw, name)) {
      const rel = attrOf(node, 'rel');
      const href = attrOf(node, 'href');
      if (rel !== null && rel !== 'alternate') continue;
      // Atom links carry href; RSS links (and some broken Atom ones) carry text.
      const url = href ?? textOf(node)?.trim();
      if (url) return url;
    }
  }
  return null;
}

function authors(raw: Raw): string[] {
  const names: string[] = [];
  for (const node of children(raw, 'author')) {
    const name = firstText(node, 'name') ?? firstText(node, 'email') ?? textOf(node);
    if (name) names.push(name);
  }
  for (const name of ['dc:creator', 'dc:author', 'itunes:author']) {
    for (const node of children(raw, name)) {
      const text = textOf(node);
      if (text) names.push(text);
    }
  }
  return names;
}

function categories(raw: Raw): string[] {
  const out: string[] = [];
  for (const name of ['category', 'dc:subject', 'media:category']) {
    for (const node of children(raw, name)) {
      const term = attrOf(node, 'term') ?? attrOf(node, 'label') ?? textOf(node);
      if (term) out.push(term.trim());
    }
  }
  // iTunes categories nest: <itunes:category text="Technology"><itunes:category text="Gadgets">.
  const itunes = (nodes: XmlNode[]): string[] =>
    nodes.flatMap((n) => [attrOf(n, 'text') ?? '', ...itunes(children(n, 'itunes:category'))]);
  return [...out, ...itunes(children(raw, 'itunes:category')).filter(Boolean)];
}

function enclosure(url: string | null, type: string | null, length: string | null) {
  const size = length === null ? NaN : Number(length);
  return url ? [{ url, type, length: Number.isFinite(size) && size > 0 ? size : null }] : [];
}

function enclosures(raw: Raw): Enclosure[] {
  const out: Enclosure[] = [];
  for (const node of children(raw, 'enclosure')) {
    out.push(...enclosure(attrOf(node, 'url'), attrOf(node, 'type'), attrOf(node, 'length')));
  }
  for (const node of [...children(raw, 'link'), ...children(raw, 'atom:link')]) {
    if (attrOf(node, 'rel') !== 'enclosure') continue;
    out.push(...enclosure(attrOf(node, 'href'), attrOf(node, 'type'), attrOf(node, 'length')));
  }
  const groups = children(raw, 'media:group');
  const media = [raw, ...groups].flatMap((parent) => children(parent, 'media:content'));
  for (const node of media) {
    const type = attrOf(node, 'type') ?? (attrOf(node, 'medium') === 'image' ? 'image' : null);
    out.push(...enclosure(attrOf(node, 'url'), type, attrOf(node, 'fileSize')));
  }
  const thumbs = [raw, ...groups].flatMap((parent) => children(parent, 'media:thumbnail'));
  for (const node of thumbs) out.push(...enclosure(attrOf(node, 'url'), 'image', null));
  for (const node of children(raw, 'itunes:image')) {
    out.push(...enclosure(attrOf(node, 'href') ?? textOf(node), 'image', null));
  }
  return out;
}

/** Returns the summary: RSS description, Atom summary, then podcast and Media RSS text. */
function summary(raw: Raw): string | null {
  const main =
    firstBody(raw, ['description'], true) ??
    firstBody(raw, ['summary'], false) ??
    firstBody(raw, ['dc:description'], true);
  if (main !== null) return main;
  const groups = children(raw, 'media:group');
  const media = [raw, ...groups].flatMap((parent) => children(parent, 'media:description'));
  const plain = firstText(raw, 'itunes:summary', 'itunes:subtitle') ?? textOf(media[0]);
  return plain === null ? null : textToHtml(plain);
}

/** Maps one raw item/entry to a ParsedItem (strings as found, URLs unresolved). */
export function mapXmlItem(raw: Raw): ParsedItem {
  const attrs = attributesOf(raw.$);
  const guidNode: XmlNode | undefined = children(raw, 'guid')[0] ?? children(raw, 'id')[0];
  const titleNodes = ['title', 'dc:title', 'media:title'].flatMap((n) => children(raw, n));
  const title = titleNodes.map((n) => textValue(n)).find((t) => t !== null) ?? null;
  const guid = textOf(guidNode)?.trim() ?? attrs['rdf:about'] ?? null;
  return {
    guid,
    guidIsPermalink: attrOf(guidNode, 'isPermaLink')?.toLowerCase() !== 'false',
    link: link(raw),
    title: title?.value ?? null,
    titleIsHtml: title?.isHtml ?? false,
    // <xhtml:body> (or a bare <body>) is how some RSS 2.0 feeds of the 2000s carried full text.
    contentHtml:
      firstBody(raw, ['content:encoded', 'xhtml:body', 'body'], true) ??
      firstBody(raw, ['content'], false),
    summaryHtml: summary(raw),
    authors: authors(raw),
    categories: categories(raw),
    published: firstText(
      raw,
      'published',
      'issued',
      'created',
      'pubDate',
      'dc:date',
      'dcterms:issued',
    ),
    updated: firstText(raw, 'updated', 'modified', 'dcterms:modified', 'atom:updated'),
    enclosures: enclosures(raw),
    base: attrs['xml:base'] ?? null,
  };
}
