/**
 * Text helpers of ingestion: plain text to HTML and back, titles, author names.
 */
import { htmlToText } from '../content/html-text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Returns `text` with the HTML special characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/**
 * Returns plain text as HTML paragraphs: blank lines separate paragraphs, single newlines become
 * <br> (JSON Feed content_text, Atom type="text" bodies, podcast summaries).
 */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/** Returns `text` with runs of whitespace collapsed to one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Returns markup (an Atom type="html" title) as plain text: tags dropped, entities decoded, so a
 * title is never shown as markup.
 */
export function markupToText(html: string): string {
  return collapseWhitespace(htmlToText(html));
}

/** Returns a title made of the first words of an article's text ("…" when cut). */
export function titleFromText(text: string, maxWords = 10): string {
  const words = collapseWhitespace(text).split(' ').filter(Boolean);
  if (words.length <= maxWords) return words.join(' ');
  return `${words.slice(0, maxWords).join(' ')}…`;
}

/**
 * Returns the name in an author string: RSS 2.0's "lawyer@example.com (Lawyer Boyer)", and the
 * "Name (name@example.com)" / "Name <name@example.com>" forms, give "Lawyer Boyer" / "Name";
 * other strings come back whitespace-collapsed.
 */
export function authorName(author: string): string {
  const text = collapseWhitespace(author);
  const emailFirst = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  if (emailFirst) return emailFirst[1]!.trim();
  const nameFirst = /^(.+?)\s*[(<]\s*[^\s()<>]+@[^\s()<>]+\s*[)>]$/.exec(text);
  return nameFirst ? nameFirst[1]! : text;
}

/** Windows-1252 characters of the C1 range 0x80-0x9F (undefined ones stay as they are). */
const CP1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Returns `text` with C1 control characters read as the Windows-1252 characters they were
 * meant to be, as HTML does for `&#146;`: old feeds write smart quotes that way ("don&#146;t").
 */
export function demoronize(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
}
