/**
 * Full-text extraction: the readable part of a web page (docs/technotes/offline-reading.md,
 * "Full text and saved pages"). Lazy images are made real first, @mozilla/readability picks the
 * article out of a linkedom DOM, and our sanitizer is always the last step: it keeps only the
 * allow-list, makes every URL absolute against the page's base and gives the plain text. Pure: no
 * I/O.
 */
import { Readability } from '@mozilla/readability';
import { ApiError } from '../../../shared/errors';
import { fixLazyImages } from './lazy-images';
import { pageBase, parsePage, type PageDocument, type PageElement } from './page-dom';
import { sanitizeToHtmlAndText } from './sanitize';

/** The readable part of a page: sanitized HTML and its text, with what the page says of itself. */
export interface ReadablePage {
  title: string;
  byline: string | null;
  /** Sanitized, URLs absolute. */
  html: string;
  /** The plain text of `html` (what search indexes and highlights anchor in). */
  text: string;
  excerpt: string | null;
  siteName: string | null;
  /** As the page gives it (meta article:published_time, JSON-LD); parse with parseFeedDate. */
  publishedTime: string | null;
}

/**
 * Fewer characters of text outside links than this is not an article: a login form, a list of
 * headlines, a cookie wall. Readability always returns its best guess, and on such pages the
 * guess is the form or the menu (our login fixture: 177 characters, 40 of them outside links).
 */
const MIN_ARTICLE_CHARS = 200;

/** What the user is told when a page has no article. */
export const NO_ARTICLE_MESSAGE = 'Folio could not find the article text on that page';

/**
 * Returns the readable part of `html` (the page at `pageUrl`), or null when there is none of at
 * least MIN_ARTICLE_CHARS characters outside links.
 */
export function extractReadable(html: string, pageUrl: string): ReadablePage | null {
  const document = parsePage(html);
  const base = pageBase(document, pageUrl);
  const pageTitle = clean(document.querySelector('title')?.textContent);
  fixLazyImages(document);
  dropNavigation(document);
  // The serializer hands back the content element itself, so its prose can be measured first.
  const article = new Readability<PageElement>(document as never, {
    serializer: (node) => node as unknown as PageElement,
  }).parse();
  const content = article?.content;
  if (!article || !content || proseLength(content) < MIN_ARTICLE_CHARS) return null;

  const sanitized = sanitizeToHtmlAndText(innerPage(content).innerHTML, base);
  return {
    title: clean(article.title) ?? pageTitle ?? '',
    byline: clean(article.byline?.replace(/^\s*by\s+/i, '')),
    html: sanitized.html,
    text: sanitized.text,
    excerpt: clean(article.excerpt),
    siteName: clean(article.siteName),
    publishedTime: clean(article.publishedTime),
  };
}

/** Returns the readable part of the page, or throws PARSE_FAILED with NO_ARTICLE_MESSAGE. */
export function extractArticle(html: string, pageUrl: string): ReadablePage {
  const page = extractReadable(html, pageUrl);
  if (page === null) throw new ApiError('PARSE_FAILED', `${NO_ARTICLE_MESSAGE} (${pageUrl}).`);
  return page;
}

/**
 * Removes navigation before Readability looks: it scores a `<nav>` of post links inside the
 * content area like any other block, and WordPress's "← previous post / next post →" came out
 * as the article's last paragraph (our blog-post fixture).
 */
function dropNavigation(document: PageDocument): void {
  for (const nav of Array.from(document.querySelectorAll('nav, [role="navigation"]'))) {
    nav.remove();
  }
}

/** Characters of text outside links, white space collapsed. */
function proseLength(content: PageElement): number {
  let linked = 0;
  for (const link of Array.from(content.querySelectorAll('a'))) linked += collapsed(link).length;
  return collapsed(content).length - linked;
}

function collapsed(element: PageElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Readability wraps the article in `<div id="readability-page-1">`; the reader needs no wrapper. */
function innerPage(content: PageElement): PageElement {
  const only = content.children.length === 1 ? (content.children[0] as PageElement) : null;
  return only?.getAttribute('id')?.startsWith('readability-page-') ? only : content;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}
