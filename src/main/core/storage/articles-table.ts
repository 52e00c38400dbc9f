/**
 * Articles and their read/star state. Content rows and state rows are apart (state is keyed by
 * the article's stable uid), so state outlives retention and re-ingestion.
 */
import { markAllReadInBulk, type MarkAllScope } from './bulk-read';
import type { Connection } from './connection';
import type {
  ArticleFilter,
  ArticleKind,
  ArticlePage,
  ArticleSummary,
  Enclosure,
} from '../../../shared/model';
import {
  decodeCursor,
  FILTER_PLAN,
  SUMMARY_COLUMNS,
  SUMMARY_FROM,
  toSummary,
  type SummaryRow,
} from './article-rows';

/** What a new article row holds. `text` is the plain text of the HTML, for search and anchoring. */
export interface NewArticle {
  uid: string;
  feedId: number | null;
  kind: ArticleKind;
  url: string | null;
  title: string;
  author: string | null;
  publishedAt: number | null;
  contentHtml: string;
  text: string;
  contentHash?: string | null;
}

/** The HTML bodies of an article and what its feed said beside them. */
export interface ArticleContent {
  contentHtml: string;
  fullTextHtml: string | null;
  text: string;
  categories: string[];
  enclosures: Enclosure[];
}

/** Options of a list query; `cursor` comes from a previous page's `nextCursor`. */
export interface ListQuery {
  feedId?: number;
  filter?: ArticleFilter;
  limit?: number;
  cursor?: string | null;
}

/** Queries and writes on articles and article_state. */
export class ArticlesTable {
  constructor(private readonly sql: Connection) {}

  /** Inserts one article and returns its id. */
  insert(article: NewArticle, now = Date.now()): number {
    const row = this.sql
      .statement(
        `INSERT INTO articles (uid, feed_id, kind, url, title, author, published_at, sort_at,
           fetched_at, updated_at, content_html, text, content_hash)
         VALUES (@uid, @feedId, @kind, @url, @title, @author, @publishedAt, @sortAt,
           @now, @now, @contentHtml, @text, @contentHash)
         RETURNING id`,
      )
      .get({
        ...article,
        contentHash: article.contentHash ?? null,
        sortAt: article.publishedAt ?? now,
        now,
      }) as { id: number };
    return row.id;
  }

  /** Returns the id of the article with this uid, or null. */
  idByUid(uid: string): number | null {
    const row = this.sql.statement('SELECT id FROM articles WHERE uid = ?').get(uid) as
      { id: number } | undefined;
    return row?.id ?? null;
  }

  /**
   * Stores an article's full text beside the feed's HTML. Its text becomes the article's text, so
   * search (the FTS trigger follows) and highlights use what the reader shows; the image count
   * goes back to unknown, since the shown HTML changed. Returns false when there is no such row.
   */
  setFullText(id: number, fullText: { html: string; text: string; at: number }): boolean {
    const result = this.sql
      .statement(
        `UPDATE articles SET full_text_html = @html, text = @text, full_text_at = @at,
           full_text_error = NULL, images_missing = NULL, updated_at = @at
         WHERE id = @id`,
      )
      .run({ ...fullText, id });
    return result.changes > 0;
  }

  /** Records a failed full-text attempt; the article's HTML and text stay as they were. */
  setFullTextError(id: number, failure: { error: string; at: number }): boolean {
    const result = this.sql
      .statement('UPDATE articles SET full_text_at = @at, full_text_error = @error WHERE id = @id')
      .run({ ...failure, id });
    return result.changes > 0;
  }

  /**
   * Rewrites a library article's content (a saved page saved again) when its hash changed, and
   * returns whether it did. A full text fetched later stays the article's text; the image count
   * goes back to unknown only when the HTML changed.
   */
  updateContent(
    id: number,
    article: Omit<NewArticle, 'uid' | 'feedId' | 'kind'>,
    now = Date.now(),
  ): boolean {
    const result = this.sql
      .statement(
        `UPDATE articles SET url = @url, title = @title, author = @author,
           published_at = @publishedAt, content_html = @contentHtml,
           text = CASE WHEN full_text_html IS NULL THEN @text ELSE text END,
           images_missing = CASE WHEN content_html IS @contentHtml THEN images_missing END,
           content_hash = @contentHash, updated_at = @now
         WHERE id = @id AND content_hash IS NOT @contentHash`,
      )
      .run({ ...article, contentHash: article.contentHash ?? null, id, now });
    return result.changes > 0;
  }

  /**
   * Returns one page of summaries, newest first. Each filter walks an index in (sort_at, id)
   * order and a cursor seeks into it, so a deep page costs what the first does.
   */
  list(query: ListQuery = {}): ArticlePage {
    const limit = query.limit ?? 50;
    const plan = FILTER_PLAN[query.filter ?? 'all'];
    const t = plan.order;
    const where = [plan.where];
    const params: Record<string, unknown> = { limit: limit + 1 };
    if (query.feedId !== undefined) {
      where.push(`${t}.feed_id = @feedId`);
      params.feedId = query.feedId;
    }
    if (query.cursor) {
      const { sortAt, id } = decodeCursor(query.cursor);
      // The first term bounds the index range; the second finishes the (sort_at, id) order.
      where.push(`${t}.sort_at <= @sortAt AND (${t}.sort_at < @sortAt OR ${t}.id < @id)`);
      Object.assign(params, { sortAt, id });
    }
    const rows = this.sql
      .statement(
        `SELECT ${SUMMARY_COLUMNS} ${plan.from} WHERE ${where.join(' AND ')}
         ORDER BY ${t}.sort_at DESC, ${t}.id DESC LIMIT @limit`,
      )
      .all(params) as SummaryRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummary),
      nextCursor: rows.length > limit && last ? `${last.sort_at}.${last.id}` : null,
    };
  }

  /** Returns the summary of one article, or null when there is none with that id. */
  summary(id: number): ArticleSummary | null {
    const row = this.sql
      .statement(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE a.id = ?`)
      .get(id) as SummaryRow | undefined;
    return row ? toSummary(row) : null;
  }

  /**
   * Returns the summaries of these articles in the order of `ids` (a ranking done elsewhere, such
   * as "More like this"); unknown ids are left out.
   */
  summaries(ids: readonly number[]): ArticleSummary[] {
    if (ids.length === 0) return [];
    const rows = this.sql
      .statement(
        `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM}
         WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids)) as SummaryRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toSummary(row)] : [];
    });
  }

  /** Returns the HTML bodies and plain text of one article, or null. */
  content(id: number): ArticleContent | null {
    const row = this.sql
      .statement(
        `SELECT content_html AS contentHtml, full_text_html AS fullTextHtml, text, categories,
           enclosures FROM articles WHERE id = ?`,
      )
      .get(id) as
      | (Omit<ArticleContent, 'categories' | 'enclosures'> & {
          categories: string | null;
          enclosures: string | null;
        })
      | undefined;
    if (!row) return null;
    return {
      ...row,
      categories: row.categories ? (JSON.parse(row.categories) as string[]) : [],
      enclosures: row.enclosures ? (JSON.parse(row.enclosures) as Enclosure[]) : [],
    };
  }

  /** Sets or clears read and starred on one article; returns false when it does not exist. */
  setState(id: number, change: { read?: boolean; starred?: boolean }, now = Date.now()): boolean {
    const row = this.sql.statement('SELECT uid FROM articles WHERE id = ?').get(id) as
      { uid: string } | undefined;
    if (!row) return false;
    const read = change.read === undefined ? null : change.read ? now : 0;
    const starred = change.starred === undefined ? null : change.starred ? now : 0;
    // NULL leaves a column as it is; 0 clears it; a time sets it (keeping an earlier time).
    this.sql
      .statement(
        `INSERT INTO article_state (uid, read_at, starred_at)
         VALUES (@uid, nullif(@read, 0), nullif(@starred, 0))
         ON CONFLICT (uid) DO UPDATE SET
           read_at = CASE WHEN @read IS NULL THEN read_at WHEN @read = 0 THEN NULL
                          ELSE coalesce(read_at, @read) END,
           starred_at = CASE WHEN @starred IS NULL THEN starred_at WHEN @starred = 0 THEN NULL
                             ELSE coalesce(starred_at, @starred) END`,
      )
      .run({ uid: row.uid, read, starred });
    return true;
  }

  /**
   * Marks these articles read in one statement (keeping earlier read times) and returns how many
   * were unread. Unknown ids are ignored.
   */
  markRead(ids: readonly number[], now = Date.now()): number {
    if (ids.length === 0) return 0;
    // The uids come from article_flags (no wide articles row is read) and are collected before
    // the upsert, whose triggers take the rows out of the unread index. Written in uid order,
    // neighbouring state rows share pages. "WHERE true" lets SQLite tell the upsert's ON
    // CONFLICT from a join constraint.
    const result = this.sql
      .statement(
        `WITH chunk AS MATERIALIZED (
           SELECT g.uid FROM article_flags g
           WHERE g.id IN (SELECT value FROM json_each(@ids)) AND g.read_at IS NULL)
         INSERT INTO article_state (uid, read_at) SELECT uid, @now FROM chunk WHERE true
         ORDER BY uid
         ON CONFLICT (uid) DO UPDATE SET read_at = excluded.read_at`,
      )
      .run({ ids: JSON.stringify(ids), now });
    return result.changes;
  }

  /**
   * Marks every unread article read, or every one of a feed, and returns how many it marked.
   * With `limit` it marks at most that many per call (newest first), so a caller can loop with
   * a yield between chunks until a call returns less than `limit` and the one writer is never
   * held long (docs/technotes/storage.md); `throughId` (maxId() when the user asked) leaves the
   * articles stored meanwhile unread.
   */
  markAllRead(scope: MarkAllScope = {}, now = Date.now()): number {
    return markAllReadInBulk(this.sql, scope, now);
  }

  /** Returns the highest article id (0 when there are none): markAllRead's `throughId`. */
  maxId(): number {
    const row = this.sql.statement('SELECT max(id) AS id FROM articles').get() as {
      id: number | null;
    };
    return row.id ?? 0;
  }

  /**
   * Returns the titles and first `chars` characters of the text of a feed's `count` latest
   * articles, newest first: one indexed range (articles_by_feed_time), not a ranking of all.
   */
  latestOpenings(
    feedId: number,
    count: number,
    chars: number,
  ): { title: string; opening: string }[] {
    return this.sql
      .statement(
        `SELECT title, substr(text, 1, @chars) AS opening FROM articles
         WHERE feed_id = @feedId ORDER BY sort_at DESC, id DESC LIMIT @count`,
      )
      .all({ feedId, count, chars }) as { title: string; opening: string }[];
  }

  /** Returns how many articles of a kind there are. */
  countByKind(kind: ArticleKind): number {
    const row = this.sql
      .statement('SELECT count(*) AS n FROM articles WHERE kind = ?')
      .get(kind) as {
      n: number;
    };
    return row.n;
  }
}
