/**
 * Article bodies lifted out of a feed document before the XML parser reads it, and put back in
 * the parsed tree as the parser hands over each element's text (docs/technotes/benchmark.md,
 * "Bodies around the XML parser").
 *
 * Why: sax, under xml2js under rss-parser, reads a document one character at a time, and a feed
 * is mostly its bodies (3.3 of the benchmark RSS feed's 3.7 MB are content:encoded CDATA and
 * descriptions; Atom's escaped HTML also costs sax an entity decode per `&lt;`). A body that is
 * only text and CDATA has one value whatever the parser: the text with its five XML entities and
 * character references decoded, the CDATA as written, joined. That value is computed here in a
 * few string passes and the parser sees a short placeholder instead.
 *
 * Only content the strict parser would accept is lifted: a stray `<`, `>` or `]]>`, an unknown
 * entity (`&nbsp;`) or a reference to a character XML forbids leaves the element as it was, so
 * an ill-formed feed still fails the strict parse and takes the lenient path, as before.
 */

/**
 * Opens and closes a placeholder: a Unicode noncharacter, reserved for a program's internal use
 * and never meaningful in a feed. A document that contains one anyway is left whole.
 */
const MARK = '\uFDD0';
const PLACEHOLDER = /^\uFDD0(\d+)\uFDD0$/;

/** Smaller texts (titles, dates, ids) are left to the parser: nothing to gain. */
const MIN_LIFTED_LENGTH = 128;

const CDATA_SECTION = /(<!\[CDATA\[[\s\S]*?\]\]>)/;
/** An `&` that does not start one of the five XML entities or a character reference. */
const BAD_AMPERSAND = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[\da-fA-F]+);)/;
const CHARACTER_REFERENCE = /&#(x[\da-fA-F]+|\d+);/;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(x[\da-fA-F]+|\d+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Returns the character of a reference's digits ("x41", "65"), or null when XML forbids it. */
function referencedCharacter(digits: string): string | null {
  const code = digits.startsWith('x') ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
  const xmlChar =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  return xmlChar ? String.fromCodePoint(code) : null;
}

/** Returns the text of character data with its references decoded, or null if sax refuses it. */
function decodeCharacterData(text: string): string | null {
  if (!text.includes('&')) return text;
  if (BAD_AMPERSAND.test(text)) return null;
  if (!CHARACTER_REFERENCE.test(text)) {
    // The common case (escaped HTML): plain replaces, `&amp;` last so `&amp;lt;` stays `&lt;`.
    return text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  }
  let refused = false;
  const decoded = text.replace(ENTITY, (_all, name: string | undefined, digits: string) => {
    if (name !== undefined) return NAMED[name]!;
    const character = referencedCharacter(digits);
    if (character === null) refused = true;
    return character ?? '';
  });
  return refused ? null : decoded;
}

/**
 * Returns the value the XML parser would give an element whose content is `inner` (text and
 * CDATA sections only), or null when the content has markup, or anything the strict parser
 * would refuse or treat apart (whitespace only).
 */
export function textContentValue(inner: string): string | null {
  const parts = inner.split(CDATA_SECTION);
  let value = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      value += part.slice(9, -3);
      continue;
    }
    if (part.includes('<') || part.includes('>')) return null;
    const text = decodeCharacterData(part);
    if (text === null) return null;
    value += text;
  }
  // xml2js drops whitespace-only text unless it came from CDATA: not worth copying that rule.
  return /\S/.test(value) ? value : null;
}

/** The bodies lifted from one document, by placeholder. */
export class TextPayloads {
  readonly #values: string[] = [];
  readonly #enabled: boolean;

  /** `xml` is the whole document: one that already holds a placeholder mark is left whole. */
  constructor(xml: string) {
    this.#enabled = !xml.includes(MARK);
  }

  /** Returns the placeholder to write instead of `inner`, or null to leave `inner` in place. */
  lift(inner: string): string | null {
    if (!this.#enabled || inner.length < MIN_LIFTED_LENGTH) return null;
    const value = textContentValue(inner);
    if (value === null) return null;
    this.#values.push(value);
    return `${MARK}${this.#values.length - 1}${MARK}`;
  }

  /** How many bodies were lifted. */
  get size(): number {
    return this.#values.length;
  }

  /** Returns the lifted body a parsed text value stands for, or the value itself. */
  readonly restore = (value: string): string => {
    if (value.charCodeAt(0) !== 0xfdd0) return value;
    const match = PLACEHOLDER.exec(value);
    return match ? (this.#values[Number(match[1])] ?? value) : value;
  };
}
