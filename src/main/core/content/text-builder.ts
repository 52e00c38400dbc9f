/**
 * The text rules shared by htmlToText (html-text.ts) and the sanitizer's fused pass
 * (sanitize.ts), so that both produce the same text from the same markup
 * (docs/technotes/sanitizing.md, "The text of an article").
 */

/** Elements that start and end a block of text. */
export const TEXT_BLOCKS: ReadonlySet<string> = new Set([
  ...['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'ul', 'ol'],
  ...['li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['figure', 'figcaption', 'details', 'summary', 'section', 'article', 'header', 'footer'],
  ...['aside', 'main', 'nav', 'address', 'picture', 'video', 'audio', 'iframe'],
]);

/** Space, tab, LF, CR, FF and U+00A0: what collapses to one space outside <pre>. */
function isCollapsible(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c
    : code === 0xa0;
}

/** Returns raw[start, end) with each run of collapsible characters made one space. */
function collapseRuns(raw: string, start: number, end: number): string {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const code = raw.charCodeAt(i);
    if (!isCollapsible(code)) continue;
    // A lone space is already what it collapses to.
    if (code === 0x20 && !isCollapsible(raw.charCodeAt(i + 1))) continue;
    let j = i + 1;
    while (isCollapsible(raw.charCodeAt(j))) j++;
    out += `${raw.slice(from, i)} `;
    from = j;
    i = j - 1;
  }
  return from === start ? raw.slice(start, end) : out + raw.slice(from, end);
}

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
    let start = 0;
    let end = raw.length;
    while (start < end && isCollapsible(raw.charCodeAt(start))) start++;
    if (start === end) {
      this.pendingSpace = true;
      return;
    }
    while (isCollapsible(raw.charCodeAt(end - 1))) end--;
    if (start > 0) this.pendingSpace = true;
    this.emit(collapseRuns(raw, start, end));
    this.pendingSpace = end < raw.length;
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
