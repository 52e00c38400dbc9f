/**
 * Which elements make blocks in an article's text: shared by main's text builder
 * (src/main/core/content/text-builder.ts), which writes the text highlights anchor in, and the
 * reader, which walks its DOM by the same rules to map a selection to offsets in that text
 * (docs/technotes/anchoring.md, "Whitespace").
 */

/** Elements that start and end a block of text; blocks are joined by BLOCK_SEPARATOR. */
export const TEXT_BLOCKS: ReadonlySet<string> = new Set([
  ...['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'ul', 'ol'],
  ...['li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['figure', 'figcaption', 'details', 'summary', 'section', 'article', 'header', 'footer'],
  ...['aside', 'main', 'nav', 'address', 'picture', 'video', 'audio', 'iframe'],
]);

/** What joins two blocks in the text. */
export const BLOCK_SEPARATOR = '\n\n';

/** What a <br> inside a block is in the text. */
export const LINE_BREAK = '\n';
