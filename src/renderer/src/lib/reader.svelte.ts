/**
 * The reader's state: the open article, loaded by id (opening it marks it read), which of its
 * texts shows (the feed's or the full web page, remembered per article for the session), and
 * fetching the full text.
 */
import type { ApiClient } from '../../../shared/contract';
import type { Article, ArticleSummary } from '../../../shared/model';
import { isApiError } from './api';
import { fullTextMessage } from './full-text-errors';

/** Which text of an article the reader shows. */
export type TextView = 'feed' | 'full';

const FATAL = ['UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN'];

/** The article shown in the reader. */
export class ReaderState {
  article: Article | null = $state(null);
  loading = $state(false);
  error: string | null = $state(null);
  /** The text chosen for the open article. */
  view: TextView = $state('feed');
  /** True while the open article's web page is being fetched. */
  fetching = $state(false);
  /** Why the full text could not be had, for the open article. */
  fullTextError: string | null = $state(null);
  #request = 0;
  /** The choice made for each article this session (a reload starts afresh); not reactive. */
  readonly #views: Record<number, TextView> = {};
  readonly #api: ApiClient;

  /** `api` is the connection to the core. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** The body to show: the full text when chosen and there is one, else the feed's content. */
  get bodyHtml(): string {
    const article = this.article;
    if (!article) return '';
    return this.view === 'full' && article.fullTextHtml
      ? article.fullTextHtml
      : article.contentHtml;
  }

  /** True when the article has both texts, so the reader offers a switch. */
  get hasBothTexts(): boolean {
    return Boolean(this.article?.fullTextHtml);
  }

  /**
   * Opens article `id` and marks it read. Returns the summary as it is after being read (or
   * null when nothing changed); throws connection errors for the app to show.
   */
  async open(id: number): Promise<ArticleSummary | null> {
    const request = ++this.#request;
    this.loading = true;
    this.error = null;
    try {
      const article = await this.#api['articles.get']({ id });
      if (request !== this.#request) return null;
      this.#show(article);
      if (article.readAt) return null;
      return await this.#update({ id, read: true });
    } catch (error) {
      if (request !== this.#request) return null;
      if (isApiError(error, 'NOT_FOUND')) {
        this.article = null;
        this.error = 'This article is no longer in your library.';
        return null;
      }
      throw error;
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Loads the open article again (its images were stored, say) without moving the reader. */
  async reload(): Promise<void> {
    const id = this.article?.id;
    if (id === undefined) return;
    const request = this.#request;
    const article = await this.#api['articles.get']({ id });
    if (request === this.#request && this.article?.id === id) this.article = article;
  }

  /** Closes the reader. */
  clear(): void {
    this.#request++;
    this.article = null;
    this.error = null;
    this.loading = false;
    this.fetching = false;
    this.fullTextError = null;
  }

  /** Shows the feed's text or the full text of the open article, and remembers the choice. */
  choose(view: TextView): void {
    if (!this.article || (view === 'full' && !this.article.fullTextHtml)) return;
    this.view = view;
    this.#views[this.article.id] = view;
  }

  /**
   * Fetches the open article's web page and shows its readable part. When the core cannot
   * (no text found, fetch failed), `fullTextError` says why and the feed's text stays.
   */
  async fetchFullText(): Promise<void> {
    const article = this.article;
    if (!article?.url || this.fetching) return;
    const request = this.#request;
    this.fetching = true;
    this.fullTextError = null;
    try {
      const fetched = await this.#api['articles.fetchFullText']({ id: article.id });
      if (request !== this.#request) return;
      this.article = fetched;
      if (fetched.fullTextHtml) this.choose('full');
      else this.fullTextError = fullTextMessage(null);
    } catch (error) {
      if (request !== this.#request) return;
      if (isApiError(error, ...FATAL)) throw error;
      this.fullTextError = fullTextMessage(error);
    } finally {
      if (request === this.#request) this.fetching = false;
    }
  }

  /** Takes the offline state of a fresher summary of the open article. */
  patch(summary: ArticleSummary): void {
    if (this.article?.id === summary.id) this.article.offlineReady = summary.offlineReady;
  }

  /** Stars or unstars the open article; returns the new summary, or null when none is open. */
  async toggleStar(): Promise<ArticleSummary | null> {
    if (!this.article) return null;
    return this.#update({ id: this.article.id, starred: !this.article.starredAt });
  }

  #show(article: Article): void {
    if (this.article?.id !== article.id) {
      this.fetching = false;
      this.fullTextError = null;
    }
    this.article = article;
    // The full text, once there, is what the reader is for; the feed's text is a click away.
    this.view = this.#views[article.id] ?? (article.fullTextHtml ? 'full' : 'feed');
  }

  async #update(params: { id: number; read?: boolean; starred?: boolean }) {
    const summary = await this.#api['articles.update'](params);
    if (this.article?.id === summary.id) {
      this.article.readAt = summary.readAt;
      this.article.starredAt = summary.starredAt;
    }
    return summary;
  }
}
