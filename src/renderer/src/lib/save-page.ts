/** What the "Save a page" dialog says for each way `articles.save` can fail. */
import { errorMessage, isApiError } from './api';
import { BAD_URL_MESSAGE } from './feed-errors';

/** Returns the sentence to show when saving a page failed with `error`. */
export function savePageMessage(error: unknown): string {
  if (!isApiError(error)) return errorMessage(error);
  switch (error.code) {
    case 'BAD_REQUEST':
      return BAD_URL_MESSAGE;
    case 'PARSE_FAILED':
      return 'Folio could not find an article on that page, so nothing was saved.';
    case 'CONFLICT':
      return 'This page is already in your Library.';
    case 'UNAVAILABLE':
      return "Folio's server is not answering. Is it still running?";
    default:
      // FETCH_FAILED, TIMEOUT, TOO_LARGE: the core says what happened and where.
      return error.message;
  }
}

/** The id of the saved article a CONFLICT is about, when the core names it. */
export function conflictingArticleId(error: unknown): number | null {
  if (!isApiError(error, 'CONFLICT')) return null;
  const details = error.details as { articleId?: unknown; id?: unknown } | undefined;
  const id = details?.articleId ?? details?.id;
  return typeof id === 'number' ? id : null;
}
