/**
 * `export.markdown`: one Markdown file per article with highlights or a note, for Obsidian and
 * any other Markdown notebook. Layout (docs/technotes/highlights-and-notes.md, "Export"):
 * YAML front matter (title, url, author, feed, published, exported), the article note as
 * written, then "## Highlights": each quote as a blockquote followed by its note. A highlight
 * that can no longer be placed in the article is listed too, marked.
 */
import { ApiError } from '../../../../shared/contract';
import type { ArticleNote, ArticleSummary, Highlight } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import { safeFileName, uniqueNames } from './file-names';
import { highlightsOfArticle } from './reanchor';

/** One exported file. */
export interface ExportedFile {
  name: string;
  content: string;
}

/** What one article's file is made from. */
export interface AnnotatedArticle {
  summary: ArticleSummary;
  note: ArticleNote | null;
  highlights: Highlight[];
}

/** The line under an orphaned highlight's quote. */
export const ORPHAN_MARK = '*(No longer found in the article’s current text.)*';

/**
 * Returns the files of one article (none when it has no highlight and no note) or of every
 * annotated article. Throws NOT_FOUND for a missing article.
 */
export function exportMarkdown(
  store: Store,
  { articleId }: { articleId?: number },
  now = new Date(),
): { files: ExportedFile[] } {
  if (articleId !== undefined && !store.articles.summary(articleId)) {
    throw new ApiError('NOT_FOUND', `There is no article ${articleId}.`);
  }
  const ids = articleId !== undefined ? [articleId] : store.annotations.annotatedArticleIds();
  const unique = uniqueNames();
  const files: ExportedFile[] = [];
  for (const id of ids) {
    const summary = store.articles.summary(id);
    if (!summary) continue;
    const article = {
      summary,
      note: store.annotations.noteOf(id),
      highlights: highlightsOfArticle(store, id),
    };
    if (article.note === null && article.highlights.length === 0) continue;
    files.push({
      name: unique(safeFileName(summary.title)),
      content: articleMarkdown(article, now),
    });
  }
  return { files };
}

/** Returns the Markdown file of one annotated article. */
function articleMarkdown({ summary, note, highlights }: AnnotatedArticle, now: Date): string {
  const parts = [frontMatter(summary, now)];
  if (note && note.body.trim() !== '') parts.push(note.body.trim());
  if (highlights.length > 0) {
    parts.push('## Highlights');
    for (const highlight of highlights) {
      parts.push(blockquote(highlight.exact));
      if (highlight.orphaned) parts.push(ORPHAN_MARK);
      if (highlight.note.trim() !== '') parts.push(highlight.note.trim());
    }
  }
  // Blank lines between parts: without one, a note right after a quote would be read as part
  // of it (CommonMark's lazy continuation).
  return parts.join('\n\n') + '\n';
}

function frontMatter(summary: ArticleSummary, now: Date): string {
  const fields: [string, string | null][] = [
    ['title', summary.title],
    ['url', summary.url],
    ['author', summary.author],
    ['feed', summary.feedTitle],
    ['published', summary.publishedAt],
    ['exported', now.toISOString()],
  ];
  const lines = fields
    .filter((field): field is [string, string] => field[1] !== null)
    .map(([key, value]) => `${key}: ${yamlString(value)}`);
  return ['---', ...lines, '---'].join('\n');
}

/**
 * Returns `value` as a YAML double-quoted scalar. JSON's string syntax is a subset of it; what
 * YAML adds is handled: characters outside its printable set, NEL and the line separators (line
 * breaks in YAML 1.1) are escaped, and half a surrogate pair (which no parser accepts, escaped or
 * not) becomes U+FFFD.
 */
export function yamlString(value: string): string {
  const whole = value.replace(LONE_SURROGATE, '\uFFFD');
  return JSON.stringify(whole).replace(
    NOT_YAML_PRINTABLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NOT_YAML_PRINTABLE = /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

/** Returns `text` as a blockquote: every line prefixed with "> " ("> " alone for blank lines). */
export function blockquote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdown(line)}`))
    .join('\n');
}

/** Characters that would turn a quote's text into markup, links, tags, HTML or maths. */
const INLINE_SYNTAX = /[\\`*_[\]<>#|~$]/g;
/** A line start that would make a list item or a heading rule. */
const LINE_START_SYNTAX = /^(\s*)([-+=]|\d{1,9}[.)])(?=\s|$)/;

/**
 * Returns one line of a quote escaped so that it shows as written: a quote is the article's
 * plain text, not Markdown ("*" in "5 * 3", "$" in "$5 and $10", which Obsidian reads as maths).
 */
export function escapeMarkdown(line: string): string {
  return line
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(LINE_START_SYNTAX, (_, space: string, mark: string) =>
      /\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
    );
}
