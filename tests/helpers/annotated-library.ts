/**
 * A library for highlight and note tests: a real :memory: store with the article, highlight,
 * note and export services over it, articles made from paragraphs, and quotes selected in their
 * text the way the reader selects them (describeRange over the article's text).
 */
import { EventHub } from '../../src/main/core/events';
import { annotationsService } from '../../src/main/core/library/annotations/annotations-service';
import { articlesService } from '../../src/main/core/library/articles-service';
import { highlightsService } from '../../src/main/core/library/annotations/highlights-service';
import { htmlToText } from '../../src/main/core/content/html-text';
import { Store } from '../../src/main/core/storage/store';
import { describeRange, type QuoteSelector } from '../../src/shared/anchoring';
import type { FolioEvent } from '../../src/shared/contract';

/** A store with the services under test and the events they emitted. */
export interface Library {
  store: Store;
  events: EventHub;
  seen: FolioEvent[];
  api: ReturnType<typeof articlesService> &
    ReturnType<typeof highlightsService> &
    ReturnType<typeof annotationsService>;
}

/** Opens a library on `file` (default :memory:). */
export function openLibrary(file = ':memory:'): Library {
  const store = Store.open(file);
  const events = new EventHub();
  const seen: FolioEvent[] = [];
  events.on((event) => seen.push(event));
  const api = {
    ...articlesService(store, events),
    ...highlightsService(store, events),
    ...annotationsService(store, events),
  };
  return { store, events, seen, api };
}

/** Returns the HTML of these paragraphs. */
export function paragraphsHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${p}</p>`).join('\n');
}

/** Adds a library article made of `paragraphs` and returns its id. */
export function addArticle(
  store: Store,
  {
    title = 'An article',
    paragraphs,
    url = null,
    uid,
  }: { title?: string; paragraphs: readonly string[]; url?: string | null; uid?: string },
): number {
  const contentHtml = paragraphsHtml(paragraphs);
  return store.articles.insert({
    uid: uid ?? `library:${title}:${Math.random()}`,
    feedId: null,
    kind: 'saved',
    url,
    title,
    author: null,
    publishedAt: null,
    contentHtml,
    text: htmlToText(contentHtml),
  });
}

/** Returns the article's current text. */
export function textOf(store: Store, articleId: number): string {
  return store.articles.content(articleId)?.text ?? '';
}

/** Returns the selector of the first (or `nth`) occurrence of `phrase` in the article. */
export function select(store: Store, articleId: number, phrase: string, nth = 0): QuoteSelector {
  const text = textOf(store, articleId);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1);
  if (at === -1) throw new Error(`"${phrase}" is not in article ${articleId}`);
  return describeRange(text, at, at + phrase.length);
}
