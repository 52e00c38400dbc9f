/**
 * `articles.fetchFullText`: an article's web page, fetched, extracted and kept beside the feed's
 * version (docs/technotes/offline-reading.md, "Full text and saved pages"). The background queue
 * calls fetchFullText for feeds that always want it; the Api method adds the images and answers
 * the whole article.
 */
import { ApiError } from '../../../../shared/errors';
import type { Article } from '../../../../shared/model';
import { extractArticle, type ReadablePage } from '../../content/extract';
import type { PageFetcher } from '../../content/fetch-page';
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import { getArticle } from '../articles-service';

/** What fetching pages needs: the store, events, and the page fetcher over the app's Net. */
export interface PageDeps {
  store: Store;
  events: EventHub;
  fetchPage: PageFetcher;
  /** Cancels the fetch; nothing is written once it is aborted (the app is closing). */
  signal?: AbortSignal;
  /** Keeps the article's images after its HTML changed (image-download.ts, when wired). */
  keepImages?: (articleId: number) => Promise<unknown>;
}

/**
 * Fetches the article's page, extracts its readable part and stores it as the full text (its
 * text becomes the article's text); emits `articles.changed`. On failure the feed's version is
 * left untouched, the error is recorded on the article (full_text_error) and thrown: NOT_FOUND,
 * BAD_REQUEST (no web address), the fetch's errors, or PARSE_FAILED (not a page, no article).
 */
export async function fetchFullText(deps: PageDeps, articleId: number): Promise<void> {
  const { store, events } = deps;
  const summary = store.articles.summary(articleId);
  if (!summary) throw new ApiError('NOT_FOUND', `There is no article ${articleId}.`);
  if (!summary.url) throw new ApiError('BAD_REQUEST', 'This article has no web address.');

  let page: ReadablePage;
  try {
    page = await readPage(deps, summary.url);
  } catch (error) {
    if (!deps.signal?.aborted) {
      store.articles.setFullTextError(articleId, { error: messageOf(error), at: Date.now() });
      events.emit('articles.changed', { feedId: summary.feedId, articleIds: [articleId] });
    }
    throw error;
  }
  if (deps.signal?.aborted) throw new ApiError('FETCH_FAILED', 'The fetch was cancelled.');
  const fullText = { html: page.html, text: page.text, at: Date.now() };
  if (!store.articles.setFullText(articleId, fullText)) {
    throw new ApiError('NOT_FOUND', `There is no article ${articleId}.`);
  }
  events.emit('articles.changed', { feedId: summary.feedId, articleIds: [articleId] });
}

/**
 * Returns the readable part of the page at `url` (after redirects, relative URLs resolve
 * against where it really came from). Throws the fetch's ApiErrors, or PARSE_FAILED.
 */
export async function readPage(
  deps: Pick<PageDeps, 'fetchPage' | 'signal'>,
  url: string,
): Promise<ReadablePage & { finalUrl: string }> {
  const { url: finalUrl, html } = await deps.fetchPage({ url, signal: deps.signal });
  try {
    return { ...extractArticle(html, finalUrl), finalUrl };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    // A page odd enough to break the DOM or Readability is, for the user, a page without text.
    throw new ApiError(
      'PARSE_FAILED',
      `Folio could not read the page at ${finalUrl}: ${messageOf(error)}`,
    );
  }
}

/** Returns the implementation of `articles.fetchFullText`: the full text, then its images. */
export function fullTextService(deps: PageDeps): {
  'articles.fetchFullText': (params: { id: number }) => Promise<Article>;
} {
  return {
    'articles.fetchFullText': async ({ id }) => {
      await fetchFullText(deps, id);
      // Images are best effort: the full text is kept whether or not they could be.
      await deps.keepImages?.(id).catch(() => undefined);
      return getArticle(deps.store, id);
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
