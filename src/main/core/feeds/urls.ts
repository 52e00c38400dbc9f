/**
 * URL resolution and canonical forms for ingestion.
 */
import { resolveHttpUrl } from '../net/urls';

/** Query parameters that only track the click, never name the article. */
const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|igshid|ocid|ncid|cmpid|__s)$/i;

/**
 * Returns the base URL of an item: its xml:base resolved against the feed's, resolved against
 * the feed's own URL (the first one that is a usable absolute URL wins).
 */
export function baseFor(feedUrl: string, feedBase: string | null, itemBase: string | null) {
  const feed = resolveHttpUrl(feedBase, feedUrl) ?? resolveHttpUrl(feedUrl, null);
  return resolveHttpUrl(itemBase, feed) ?? feed;
}

/**
 * Returns a URL without tracking parameters (utm_*, fbclid, gclid, mc_cid …), so the same
 * article linked from two campaigns has one identity. Non-URLs come back unchanged.
 */
export function stripTracking(value: string): string {
  if (!/^https?:\/\//i.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  const keep = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  if (keep.length === [...url.searchParams].length) return url.href;
  url.search = new URLSearchParams(keep).toString();
  return url.href;
}
