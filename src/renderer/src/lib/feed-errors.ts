/** What the add-feed dialog says for each way `feeds.add` can fail. */
import { isApiError, errorMessage } from './api';
import { NO_FEED_MESSAGE } from './discovery';

/** The message for a bad address, checked before asking the core too. */
export const BAD_URL_MESSAGE = 'Enter a web address starting with http:// or https://';

/** Returns true when `url` looks like an address `feeds.add` accepts. */
export function looksLikeHttpUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url.trim()) && URL.canParse(url.trim());
}

/** Returns the sentence to show when adding a feed failed with `error`. */
export function addFeedMessage(error: unknown): string {
  if (!isApiError(error)) return errorMessage(error);
  switch (error.code) {
    case 'NOT_A_FEED':
      return NO_FEED_MESSAGE;
    case 'BAD_REQUEST':
      return BAD_URL_MESSAGE;
    case 'CONFLICT':
      return 'You already follow this feed.';
    case 'UNAVAILABLE':
      return "Folio's server is not answering. Is it still running?";
    default:
      // FETCH_FAILED, TIMEOUT, PARSE_FAILED, TOO_LARGE: the core says what happened and where.
      return error.message;
  }
}

/**
 * The id of the feed a CONFLICT is about: from the error's details when the core gives one,
 * else the subscribed feed with the same address (ignoring a trailing slash and the scheme).
 */
export function conflictingFeedId(
  error: unknown,
  url: string,
  feeds: { id: number; url: string }[],
): number | null {
  if (!isApiError(error, 'CONFLICT')) return null;
  const details = error.details as { feedId?: unknown; id?: unknown } | undefined;
  const fromDetails = details?.feedId ?? details?.id;
  if (typeof fromDetails === 'number') return fromDetails;
  const key = (u: string) =>
    u
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/\/+$/, '');
  return feeds.find((feed) => key(feed.url) === key(url))?.id ?? null;
}
