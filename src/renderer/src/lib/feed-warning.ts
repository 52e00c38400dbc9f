/** The sentence shown on a feed's warning marker in the sidebar. */
import type { Feed } from '../../../shared/model';

/**
 * Causes that mean no server answered at all: the network is down or the name does not
 * resolve. The core keeps such a subscription and fetches it later (subscribe.ts).
 */
const UNREACHABLE =
  /\b(ENOTFOUND|EAI_AGAIN|ENETUNREACH|ENETDOWN|EHOSTUNREACH|EHOSTDOWN|ECONNREFUSED|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT)\b|timed out/i;

/**
 * Returns the marker's label for `feed`, or null when its last fetch went well. A feed never
 * fetched because the network was down says it will be retried rather than that it failed.
 */
export function feedWarning(feed: Pick<Feed, 'lastError' | 'lastFetchedAt'>): string | null {
  const error = feed.lastError;
  if (!error) return null;
  if (feed.lastFetchedAt === null && UNREACHABLE.test(error)) {
    return 'Will retry: the network is unreachable';
  }
  return `Last refresh failed: ${error}`;
}
