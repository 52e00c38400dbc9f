/**
 * The text rules shared by htmlToText (html-text.ts) and the sanitizer's fused pass
 * (sanitize.ts), so that both produce the same text from the same markup
 * (docs/technotes/sanitizing.md, "The text of an article").
 */

// The block list is shared with the reader, which maps selections to offsets in this text.
export { TEXT_BLOCKS } from '../../../shared/anchoring/text-blocks';

/** Space, tab, LF, CR, FF and U+00A0 runs: one space outside <pre>. */
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]+/g;
/** Most text between two tags has single spaces only: tested first, replace allocates. */
const NEEDS_COLLAPSING = /[\t\n\r\f\u00a0]| {2}/;

/** Accumulates text with pending spaces and breaks, so nothing trails a block. */
export class TextBuilder {
  private out = '';
  private empty = true;
  private pendingSpace = false;
  private pendingBreak = '';

  /**
   * Adds `raw`, the decoded text between two tags. Outside <pre>, leading and
   * trailing whitespace only sets a pending space, written if more text follows in the block.
   */
  text(raw: string, preformatted: boolean): void {
    if (raw === '') return;
    if (preformatted) {
      this.emit(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
      return;
    }
    const collapsed = NEEDS_COLLAPSING.test(raw) ? raw.replace(COLLAPSIBLE, ' ') : raw;
    if (collapsed === ' ') {
      this.pendingSpace = true;
      return;
    }
    const leading = collapsed.charCodeAt(0) === 0x20;
    const trailing = collapsed.charCodeAt(collapsed.length - 1) === 0x20;
    if (leading) this.pendingSpace = true;
    this.emit(
      leading || trailing ? collapsed.slice(leading ? 1 : 0, trailing ? -1 : undefined) : collapsed,
    );
    this.pendingSpace = trailing;
  }

  /** Breaks wait for text: <br> at the end of a block adds nothing to the block's "\n\n". */
  lineBreak(): void {
    if (!this.empty) this.pendingBreak += '\n';
    this.pendingSpace = false;
  }

  blockBoundary(): void {
    this.pendingSpace = false;
    if (!this.empty && this.pendingBreak.length < 2) this.pendingBreak = '\n\n';
  }

  /** Returns the text so far. */
  done(): string {
    return this.out;
  }

  private emit(text: string): void {
    if (this.pendingBreak) this.out += this.pendingBreak;
    else if (this.pendingSpace && !this.empty) this.out += ' ';
    this.out += text;
    this.empty = false;
    this.pendingBreak = '';
    this.pendingSpace = false;
  }
}
