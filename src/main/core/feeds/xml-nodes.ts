/**
 * Readers for the raw xml2js nodes that rss-parser hands back through our custom fields. We parse
 * with `explicitCharkey`, so every element is either '' (empty, no attributes) or an object with
 * `_` (its text) and `$` (its attributes) beside its child elements (arrays by name).
 */

/** One xml2js element as we configure it. */
export type XmlNode = string | XmlElement;
/** An element with text, attributes and children. */
export interface XmlElement {
  _?: string;
  $?: Record<string, string>;
  [child: string]: unknown;
}

/** Returns the raw array of elements called `name` under `parent` (empty when none). */
export function children(parent: unknown, name: string): XmlNode[] {
  if (typeof parent !== 'object' || parent === null) return [];
  const value = (parent as Record<string, unknown>)[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** Returns the text of a node, or null when it has none. */
export function textOf(node: XmlNode | undefined): string | null {
  if (node === undefined) return null;
  const text = typeof node === 'string' ? node : typeof node._ === 'string' ? node._ : null;
  return text !== null && text.trim() !== '' ? text : null;
}

/** Returns an attribute of a node, or null. */
export function attrOf(node: XmlNode | undefined, name: string): string | null {
  if (node === undefined || typeof node === 'string') return null;
  const value = node.$?.[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Returns the text of the first `name` child that has some. */
export function firstText(parent: unknown, ...names: string[]): string | null {
  for (const name of names) {
    for (const node of children(parent, name)) {
      const text = textOf(node);
      if (text !== null) return text;
    }
  }
  return null;
}

/** Returns the attributes of an element (`$` kept by the '$' custom field). */
export function attributesOf(raw: unknown): Record<string, string> {
  if (typeof raw !== 'object' || raw === null) return {};
  return raw as Record<string, string>;
}

/** The value of an Atom text construct (title, content, summary…) or an RSS text element. */
export interface TextValue {
  value: string;
  /** True when the value is markup (type html/xhtml, Atom 0.3 mode="xml", base64 binaries). */
  isHtml: boolean;
}

/**
 * Returns the value of a text construct, base64 decoded when Atom 0.3 says mode="base64" or an
 * Atom 1.0 type is a non-text, non-XML media type (RFC 4287 4.1.3.3). `defaultHtml` is for
 * elements that hold HTML unless told otherwise (RSS description, content:encoded).
 */
export function textValue(node: XmlNode | undefined, defaultHtml = false): TextValue | null {
  let value = textOf(node);
  if (value === null) return null;
  const type = (attrOf(node, 'type') ?? '').toLowerCase();
  const mode = attrOf(node, 'mode');
  const binary = type.includes('/') && !type.startsWith('text/') && !type.includes('xml');
  if (mode === 'base64' || binary) value = Buffer.from(value.trim(), 'base64').toString('utf8');
  if (type === '' && mode === null) return { value, isHtml: defaultHtml };
  return { value, isHtml: type.includes('html') || mode === 'xml' || binary };
}
