/** The reader's state: the open article, loaded by id; opening it marks it read. */
import type { Article, ArticleSummary } from '../../../shared/model';
import { api, isApiError } from './api';

/** The article shown in the reader. */
export class ReaderState {
  article: Article | null = $state(null);
  loading = $state(false);
  error: string | null = $state(null);
  #request = 0;

  /** The body to show: the extracted full text when there is one, else the feed's content. */
  get bodyHtml(): string {
    return this.article ? (this.article.fullTextHtml ?? this.article.contentHtml) : '';
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
      const article = await api['articles.get']({ id });
      if (request !== this.#request) return null;
      this.article = article;
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

  /** Closes the reader. */
  clear(): void {
    this.#request++;
    this.article = null;
    this.error = null;
    this.loading = false;
  }

  /** Stars or unstars the open article; returns the new summary, or null when unsupported. */
  async toggleStar(): Promise<ArticleSummary | null> {
    if (!this.article) return null;
    return this.#update({ id: this.article.id, starred: !this.article.starredAt });
  }

  async #update(params: { id: number; read?: boolean; starred?: boolean }) {
    try {
      const summary = await api['articles.update'](params);
      if (this.article?.id === summary.id) {
        this.article.readAt = summary.readAt;
        this.article.starredAt = summary.starredAt;
      }
      return summary;
    } catch (error) {
      if (isApiError(error, 'NOT_IMPLEMENTED')) return null;
      throw error;
    }
  }
}
