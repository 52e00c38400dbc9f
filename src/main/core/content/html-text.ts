/**
 * The plain text of an article's HTML: what search indexes and what highlights are anchored in.
 * The reader computes the same text from its DOM to place highlights, so the rules are few and
 * exact (docs/technotes/sanitizing.md, "The text of an article"):
 *   - a block element (p, h2, li, td, …) starts and ends a block; blocks are joined by "\n\n";
 *   - <br> is "\n", but <br>s that end a block add nothing to its "\n\n";
 *   - outside <pre>, runs of whitespace (including U+00A0) are one space, and a block's text is
 *     trimmed; inside <pre> the text is kept as it is;
 *   - images, scripts, styles and comments contribute nothing; entities are decoded;
 *   - nothing leads or trails the text but what a <pre> holds.
 * A hand-rolled scanner for HTML that is already clean (the seed's, stored articles'). Ingestion
 * does not call it: sanitizeToHtmlAndText (sanitize.ts) writes the same text while it sanitizes,
 * with the same TextBuilder.
 */
import { decodeHTML } from 'entities';
import { TEXT_BLOCKS, TextBuilder } from './text-builder';

/** Elements whose content is never text for a reader (raw-text elements first). */
const SKIPPED = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'template', 'noscript']);
const SKIPPED_TREES = new Set(['svg', 'math', 'head']);

/** Returns the plain text of `html` by the rules above. */
export function htmlToText(html: string): string {
  const out = new TextBuilder();
  const n = html.length;
  let i = 0;
  let preDepth = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) out.text(decode(html.slice(i, textEnd)), preDepth > 0);
    if (lt === -1) break;
    const tag = readTag(html, lt);
    if (tag === null) {
      out.text('<', preDepth > 0);
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (tag.name === '') continue; // comment, doctype, processing instruction
    if (!tag.closing && SKIPPED.has(tag.name)) {
      i = skipPast(html, i, tag.name);
      continue;
    }
    if (!tag.closing && SKIPPED_TREES.has(tag.name) && !tag.selfClosing) {
      i = skipTree(html, i, tag.name);
      continue;
    }
    if (tag.name === 'br') out.lineBreak();
    else if (TEXT_BLOCKS.has(tag.name)) {
      out.blockBoundary();
      if (tag.name === 'pre') {
        preDepth = Math.max(0, preDepth + (tag.closing ? -1 : 1));
        // As in HTML parsing, a newline right after <pre> is not content.
        if (!tag.closing && html[i] === '\n') i++;
      }
    }
  }
  return out.done();
}

interface TagToken {
  /** Lower-case element name; '' for comments and declarations. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index just past the tag. */
  end: number;
}

/** Reads the tag starting at `lt`, or returns null when the '<' is plain text. */
function readTag(html: string, lt: number): TagToken | null {
  const next = html[lt + 1];
  if (next === '!' || next === '?') {
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      return {
        name: '',
        closing: false,
        selfClosing: false,
        end: close === -1 ? html.length : close + 3,
      };
    }
    const close = html.indexOf('>', lt);
    return {
      name: '',
      closing: false,
      selfClosing: false,
      end: close === -1 ? html.length : close + 1,
    };
  }
  const closing = next === '/';
  const nameStart = closing ? lt + 2 : lt + 1;
  if (!isLetter(html.charCodeAt(nameStart))) return null;
  let j = nameStart;
  while (j < html.length && !ENDS_NAME.has(html.charCodeAt(j))) j++;
  const name = html.slice(nameStart, j).toLowerCase();
  // Find the closing '>' outside quoted attribute values.
  let quote = '';
  for (; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  return { name, closing, selfClosing: html[j - 1] === '/', end: Math.min(j + 1, html.length) };
}

/** Returns the index past `</name>` (raw-text content), or the end of input. */
function skipPast(html: string, from: number, name: string): number {
  const closer = new RegExp(`</${name}`, 'ig');
  closer.lastIndex = from;
  const close = closer.exec(html);
  if (close === null) return html.length;
  const gt = html.indexOf('>', close.index);
  return gt === -1 ? html.length : gt + 1;
}

/** Returns the index past the element `name` opened before `from`, counting nested ones. */
function skipTree(html: string, from: number, name: string): number {
  let depth = 1;
  let i = from;
  while (depth > 0) {
    const lt = html.indexOf('<', i);
    if (lt === -1) return html.length;
    const tag = readTag(html, lt);
    i = tag ? tag.end : lt + 1;
    if (tag && tag.name === name && !tag.selfClosing) depth += tag.closing ? -1 : 1;
  }
  return i;
}

/** Space, tab, LF, FF, CR, '/' and '>' end a tag name. */
const ENDS_NAME = new Set([0x20, 0x09, 0x0a, 0x0c, 0x0d, 0x2f, 0x3e]);

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function decode(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}
