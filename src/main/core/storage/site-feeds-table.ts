/**
 * The discovery cache of related feeds: the feeds found on a site's home page, per host, with
 * when that was and why it failed if it did. Storage only: what is fresh is the caller's rule.
 */
import type { Connection } from './connection';
import type { DiscoveredFeed } from '../../../shared/model';

/** What discovery last said about one host. */
export interface SiteFeeds {
  /** The site key (related-urls.ts siteKey): host in lower case, without "www.", with a port. */
  host: string;
  /** Found feeds, best first; empty for a site without feeds or one that could not be read. */
  feeds: DiscoveredFeed[];
  /** Epoch milliseconds of the discovery. */
  checkedAt: number;
  /** Why it failed (the error's message), or null. */
  error: string | null;
}

interface Row {
  host: string;
  feeds: string;
  checked_at: number;
  error: string | null;
}

/** Reads and writes the site_feeds table. */
export class SiteFeedsTable {
  constructor(private readonly sql: Connection) {}

  /** Returns what is stored for `host`, or null when it was never discovered. */
  get(host: string): SiteFeeds | null {
    const row = this.sql
      .statement('SELECT host, feeds, checked_at, error FROM site_feeds WHERE host = ?')
      .get(host) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Stores (or replaces) what discovery said about a host. */
  put(site: SiteFeeds): void {
    this.sql
      .statement(
        `INSERT INTO site_feeds (host, feeds, checked_at, error) VALUES (?, ?, ?, ?)
         ON CONFLICT (host) DO UPDATE SET
           feeds = excluded.feeds, checked_at = excluded.checked_at, error = excluded.error`,
      )
      .run(site.host, JSON.stringify(site.feeds), site.checkedAt, site.error);
  }
}

function fromRow(row: Row): SiteFeeds {
  let feeds: DiscoveredFeed[] = [];
  try {
    const parsed = JSON.parse(row.feeds) as unknown;
    if (Array.isArray(parsed)) feeds = parsed as DiscoveredFeed[];
  } catch {
    // A row we cannot read is as good as an empty one: the next discovery rewrites it.
  }
  return { host: row.host, feeds, checkedAt: row.checked_at, error: row.error };
}
