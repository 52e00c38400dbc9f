/** What the reader says when the full text of an article could not be had. */
import { isApiError, errorMessage } from './api';

/**
 * Returns the sentence for a failed `articles.fetchFullText` (`error` null: the core answered
 * without a full text). The feed's text stays on screen in every case, so each says so.
 */
export function fullTextMessage(error: unknown): string {
  const kept = "The feed's text is shown instead.";
  if (error === null || isApiError(error, 'PARSE_FAILED')) {
    return `Folio could not find the article's text on that page. ${kept}`;
  }
  if (!isApiError(error)) return `${errorMessage(error)} ${kept}`;
  switch (error.code) {
    case 'TIMEOUT':
      return `The page took too long to answer. ${kept}`;
    case 'TOO_LARGE':
      return `The page is too large to keep. ${kept}`;
    case 'FETCH_FAILED':
      return `The page could not be fetched (${error.message}). ${kept}`;
    default:
      return `${error.message} ${kept}`;
  }
}
