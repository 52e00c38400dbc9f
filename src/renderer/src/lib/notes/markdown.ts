/**
 * Notes are Markdown, shown rendered when not being edited. markdown-it runs with raw HTML off
 * (`<b>` stays text) and linkify on; links may only be http(s) or mailto (markdown-it's own check
 * would also let some data: images through); DOMPurify then cleans the output anyway, as a second
 * wall should markdown-it ever emit something unexpected. Links open outside the app (the
 * component that shows the note handles clicks).
 */
import MarkdownIt from 'markdown-it';
import DOMPurify from 'dompurify';

const SAFE_LINK = /^(https?:|mailto:)/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());

/** Returns safe HTML for the Markdown `source`. */
export function renderMarkdown(source: string): string {
  const html = md.render(source);
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [
      ...['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li'],
      ...['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th'],
      'td',
    ],
    ALLOWED_ATTR: ['href', 'title', 'start'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}

/** Returns the plain text of the Markdown `source` (for previews: no markup, no links). */
export function markdownText(source: string): string {
  const doc = new DOMParser().parseFromString(renderMarkdown(source), 'text/html');
  for (const item of doc.querySelectorAll('li')) item.prepend('• ');
  for (const block of doc.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, pre, blockquote')) {
    block.append('\n');
  }
  return (doc.body.textContent ?? '').replace(/\n{2,}/g, '\n').trim();
}
