/**
 * The DOM that full-text extraction works on: linkedom, in the main process (chosen over jsdom
 * by measurement, docs/technotes/offline-reading.md "Full text and saved pages"). The main
 * process has no DOM types (tsconfig lib ES2023), so the little of the DOM we touch ourselves is
 * typed here structurally; Readability gets the document as linkedom builds it.
 */
import { parseHTML } from 'linkedom';
import { resolveHttpUrl } from '../net/urls';

/** The part of a DOM element that lazy-image fixing and extraction use. */
export interface PageElement {
  readonly tagName: string;
  readonly children: ArrayLike<PageElement>;
  readonly previousElementSibling: PageElement | null;
  readonly textContent: string | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): ArrayLike<PageElement>;
  replaceWith(...nodes: PageElement[]): void;
  remove(): void;
}

/** The part of a DOM document that we use. */
export interface PageDocument {
  querySelector(selectors: string): PageElement | null;
  querySelectorAll(selectors: string): ArrayLike<PageElement>;
  createElement(tagName: string): PageElement;
}

/** Returns the document of an HTML page, parsed by linkedom. Never does I/O; never runs script. */
export function parsePage(html: string): PageDocument {
  const complete = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html);
  return parseHTML(complete ? html : withSkeleton(html)).document as unknown as PageDocument;
}

/**
 * Returns the page with explicit `<html>`, `<head>` and `<body>`. HTML lets a page leave those
 * tags out, and a browser (or jsdom) implies them; linkedom builds the tree as written, so
 * without them the content ends up outside an empty body (or there is no document element at
 * all) and Readability, which starts from the body, finds nothing.
 */
function withSkeleton(html: string): string {
  const title = /<title[\s>][\s\S]*?<\/title>/i.exec(html)?.[0] ?? '';
  const body = html
    .replace(title, '')
    .replace(/<!doctype[^>]*>|<\/?(html|head|body)(\s[^>]*)?>/gi, '');
  return `<!DOCTYPE html><html><head>${title}</head><body>${body}</body></html>`;
}

/**
 * Returns the URL relative references on the page resolve against: its `<base href>` resolved
 * against the page's own URL, else the page's URL. linkedom has no `baseURI`, and Readability
 * drops the `<base>` with the head, so this is read before extraction and handed to the
 * sanitizer, which makes every URL absolute.
 */
export function pageBase(document: PageDocument, pageUrl: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href') ?? null;
  return resolveHttpUrl(href, pageUrl) ?? pageUrl;
}
