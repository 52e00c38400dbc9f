/**
 * The last step of ingestion: a feed's HTML reduced to an allow-list of inert markup with every
 * URL made absolute, and the plain text of that markup, in one pass over htmlparser2's events
 * (docs/technotes/sanitizing.md). What comes out is shown with {@html} in the reader, so anything
 * not listed in sanitize-rules.ts is dropped: scripts, handlers, styles, forms, plugins and
 * foreign iframes.
 */
import { Parser } from 'htmlparser2';
import { writeStartTag } from './sanitize-tags';
import { DROPPED_WITH_CONTENT, TAG_RULES } from './sanitize-rules';
import { parseBase } from './sanitize-urls';
import { TEXT_BLOCKS, TextBuilder } from './text-builder';

export { ID_PREFIX } from './sanitize-rules';

/** Sanitized HTML and its plain text, as htmlToText would read that HTML. */
export interface SanitizedContent {
  html: string;
  text: string;
}

const TEXT_SPECIALS = /[&<>]/;

function escapeText(text: string): string {
  if (!TEXT_SPECIALS.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Returns `s` as one flat string. Built by `+=`, the output is a rope of hundreds of pieces; kept
 * (a whole feed waits to be stored) the pieces survive into the old generation and every GC
 * walks them, and SQLite's binding flattens them later anyway. Reading a character makes V8
 * flatten the rope in place: measured on the benchmark's 1,000-item feed, sanitizing went from
 * 88 to 69 ms (docs/technotes/benchmark.md).
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/**
 * One sanitizing pass: htmlparser2 calls it back with decoded tags, attributes and text, and it
 * writes what the allow-list keeps. The element stack mirrors the parser's (a tag ends only the
 * element the parser closes), so the output is always balanced: end tags the feed left out are
 * written when the parser closes the element (at the latest at the end of input), stray ones
 * are ignored, void elements are never closed.
 */
class SanitizePass {
  private html = '';
  /** Decoded text written since the last tag: the text htmlToText would read between the two. */
  private pendingText = '';
  /** Like HTML parsing, htmlToText drops a newline right after <pre>. */
  private afterPre = false;
  private preDepth = 0;
  /** Open elements: their names in the feed, and the end tag to write ('' when none). */
  private readonly names: string[] = [];
  private readonly endTags: string[] = [];
  /** Inside an element dropped with its content: how many elements deep. */
  private dropDepth = 0;

  /** `text` is null when only the HTML is wanted. */
  constructor(
    private readonly base: string | null,
    private readonly text: TextBuilder | null,
  ) {}

  run(html: string): SanitizedContent {
    // A new parser each time: htmlparser2 10.1's reset() leaves the tokenizer inside a <script>
    // or <style> if the last input ended there, and the next parse then throws.
    new Parser(this, { decodeEntities: true }).end(html);
    this.flushText();
    return { html: flat(this.html), text: this.text === null ? '' : flat(this.text.done()) };
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    if (this.dropDepth > 0) {
      this.dropDepth++;
      return;
    }
    let endTag = '';
    const rule = TAG_RULES.get(name);
    if (rule === undefined) {
      if (DROPPED_WITH_CONTENT.has(name)) this.dropDepth = 1;
    } else {
      const startTag = writeStartTag(rule, attribs, this.base);
      if (startTag !== null) {
        this.flushText();
        this.html += startTag;
        if (!rule.selfClosing) endTag = rule.out;
        this.textOfTag(rule.out, false);
      } else if (rule.special === 'iframe') {
        // A refused iframe goes with its fallback content.
        this.dropDepth = 1;
      }
    }
    this.names.push(name);
    this.endTags.push(endTag);
  }

  ontext(data: string): void {
    if (this.dropDepth > 0) return;
    this.html += escapeText(data);
    if (this.text !== null) this.pendingText += data;
  }

  onclosetag(name: string): void {
    if (this.dropDepth > 0 && --this.dropDepth > 0) return;
    const top = this.names.length - 1;
    // Only after a tag cut short at the end of input can the parser close what we never opened.
    if (top < 0 || this.names[top] !== name) return;
    this.names.pop();
    const endTag = this.endTags.pop();
    if (!endTag) return;
    this.flushText();
    this.html += `</${endTag}>`;
    this.textOfTag(endTag, true);
  }

  /** Applies htmlToText's rules for a tag just written. */
  private textOfTag(name: string, closing: boolean): void {
    if (this.text === null) return;
    if (name === 'br') {
      this.text.lineBreak();
    } else if (TEXT_BLOCKS.has(name)) {
      this.text.blockBoundary();
      if (name === 'pre') {
        this.preDepth = closing ? Math.max(0, this.preDepth - 1) : this.preDepth + 1;
        this.afterPre = !closing;
      }
    }
  }

  /** Hands the text since the last tag to the text builder, before the next tag is written. */
  private flushText(): void {
    if (this.text === null) return;
    let text = this.pendingText;
    const afterPre = this.afterPre;
    this.pendingText = '';
    this.afterPre = false;
    if (afterPre && text.charCodeAt(0) === 0x0a) text = text.slice(1);
    if (text !== '') this.text.text(text, this.preDepth > 0);
  }
}

/**
 * Returns `html` reduced to Folio's allow-list, with URLs absolute against `baseUrl` (relative
 * ones are dropped when there is no base) and `rel="noopener noreferrer"` on every link, and its
 * plain text: exactly `htmlToText(sanitizeHtml(html, baseUrl))`, for a fraction of the cost.
 */
export function sanitizeToHtmlAndText(html: string, baseUrl: string | null): SanitizedContent {
  return new SanitizePass(parseBase(baseUrl), new TextBuilder()).run(html);
}

/** Returns `html` reduced to Folio's allow-list (see sanitizeToHtmlAndText). */
export function sanitizeHtml(html: string, baseUrl: string | null): string {
  return new SanitizePass(parseBase(baseUrl), null).run(html).html;
}
