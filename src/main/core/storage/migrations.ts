/**
 * The schema, as an append-only list of migrations: the list's length is the schema version,
 * stored in `PRAGMA user_version` (as Miniflux does). Never edit a shipped entry; append one.
 */
import type Database from 'better-sqlite3';

/** Migration N (1-based) is MIGRATIONS[N-1]; each runs in its own transaction. */
export const MIGRATIONS: readonly string[] = [
  // 1: the skeleton's tables.
  `
  CREATE TABLE feeds (
    id              INTEGER PRIMARY KEY,
    url             TEXT NOT NULL UNIQUE,
    site_url        TEXT,
    title           TEXT NOT NULL DEFAULT '',
    folder          TEXT,
    etag            TEXT,
    last_modified   TEXT,
    body_hash       TEXT,
    last_fetched_at INTEGER,
    last_error      TEXT,
    error_count     INTEGER NOT NULL DEFAULT 0,
    next_fetch_at   INTEGER,
    created_at      INTEGER NOT NULL
  );

  -- Articles: content only. feed_id NULL means a library article (the seed, saved pages).
  -- uid is stable across refreshes and retention ("<feed id or library>:<identity>"), so the
  -- state kept under it outlives the row, as NetNewsWire's statuses do.
  CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    feed_id       INTEGER REFERENCES feeds(id),
    kind          TEXT NOT NULL CHECK (kind IN ('feed', 'seed', 'saved')),
    url           TEXT,
    title         TEXT NOT NULL DEFAULT '',
    author        TEXT,
    published_at  INTEGER,
    sort_at       INTEGER NOT NULL,
    fetched_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    content_html  TEXT NOT NULL DEFAULT '',
    full_text_html TEXT,
    -- Plain text of the best HTML (full text when there is one): what search indexes and what
    -- highlights are anchored in.
    text          TEXT NOT NULL DEFAULT '',
    content_hash  TEXT
  );
  CREATE INDEX articles_by_time ON articles (sort_at DESC, id DESC);
  CREATE INDEX articles_by_feed_time ON articles (feed_id, sort_at DESC, id DESC);

  -- Read and starred state, apart from content (design.md "Data").
  CREATE TABLE article_state (
    uid        TEXT PRIMARY KEY,
    read_at    INTEGER,
    starred_at INTEGER
  ) WITHOUT ROWID;

  -- External-content full-text index over title, author and text.
  CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, author, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, author, text)
    VALUES (new.id, new.title, new.author, new.text);
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
    VALUES ('delete', old.id, old.title, old.author, old.text);
  END;
  -- Fires only when an indexed column really changes: a refresh that rewrites an unchanged
  -- article, or a change of url or dates, costs no index work.
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author, text ON articles
  WHEN old.title IS NOT new.title OR old.author IS NOT new.author OR old.text IS NOT new.text
  BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
    VALUES ('delete', old.id, old.title, old.author, old.text);
    INSERT INTO articles_fts (rowid, title, author, text)
    VALUES (new.id, new.title, new.author, new.text);
  END;

  -- Highlights: W3C TextQuoteSelector (exact, prefix, suffix) + TextPositionSelector (start, end).
  -- No cascade: an article with highlights cannot be deleted by accident.
  CREATE TABLE highlights (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    exact      TEXT NOT NULL,
    prefix     TEXT NOT NULL DEFAULT '',
    suffix     TEXT NOT NULL DEFAULT '',
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    color      TEXT NOT NULL DEFAULT 'yellow',
    note       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX highlights_by_article ON highlights (article_id);

  -- One Markdown note per article.
  CREATE TABLE notes (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );

  -- Images and other files kept for offline reading, shared between articles by URL.
  CREATE TABLE assets (
    id         INTEGER PRIMARY KEY,
    url        TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL,
    size       INTEGER NOT NULL,
    data       BLOB NOT NULL,
    fetched_at INTEGER NOT NULL
  );
  CREATE TABLE article_assets (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    asset_id   INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, asset_id)
  ) WITHOUT ROWID;
  CREATE INDEX article_assets_by_asset ON article_assets (asset_id);

  -- Settings as JSON values.
  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,

  // 2: feed ingestion (docs/technotes/storage.md, "Feed updates" and "Unread counts").
  `
  ALTER TABLE feeds ADD COLUMN last_error_code TEXT;
  ALTER TABLE feeds ADD COLUMN last_error_at INTEGER;
  ALTER TABLE feeds ADD COLUMN ttl_minutes INTEGER;
  -- The user's name for a feed; the feed's own title stays in title and keeps following it.
  ALTER TABLE feeds ADD COLUMN custom_title TEXT;
  -- Kept by the triggers below: counting through article_state took ~25 ms at 100k articles
  -- and 500 feeds (21 ms with an index on (feed_id, uid)); the counter reads in ~1.3 ms.
  ALTER TABLE feeds ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;
  UPDATE feeds SET unread_count = (
    SELECT count(*) FROM articles a LEFT JOIN article_state s ON s.uid = a.uid
    WHERE a.feed_id = feeds.id AND s.read_at IS NULL);

  -- An article counts as unread when it has a feed and no read time under its uid.
  CREATE TRIGGER unread_article_insert AFTER INSERT ON articles
  WHEN new.feed_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM article_state WHERE uid = new.uid AND read_at IS NOT NULL)
  BEGIN
    UPDATE feeds SET unread_count = unread_count + 1 WHERE id = new.feed_id;
  END;
  CREATE TRIGGER unread_article_delete AFTER DELETE ON articles
  WHEN old.feed_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM article_state WHERE uid = old.uid AND read_at IS NOT NULL)
  BEGIN
    UPDATE feeds SET unread_count = unread_count - 1 WHERE id = old.feed_id;
  END;
  CREATE TRIGGER unread_article_move AFTER UPDATE OF feed_id, uid ON articles
  WHEN old.feed_id IS NOT new.feed_id OR old.uid IS NOT new.uid
  BEGIN
    UPDATE feeds SET unread_count = unread_count - 1 WHERE id = old.feed_id
      AND NOT EXISTS (SELECT 1 FROM article_state WHERE uid = old.uid AND read_at IS NOT NULL);
    UPDATE feeds SET unread_count = unread_count + 1 WHERE id = new.feed_id
      AND NOT EXISTS (SELECT 1 FROM article_state WHERE uid = new.uid AND read_at IS NOT NULL);
  END;
  CREATE TRIGGER unread_state_insert AFTER INSERT ON article_state
  WHEN new.read_at IS NOT NULL
  BEGIN
    UPDATE feeds SET unread_count = unread_count - 1
    WHERE id = (SELECT feed_id FROM articles WHERE uid = new.uid);
  END;
  CREATE TRIGGER unread_state_update AFTER UPDATE OF read_at ON article_state
  WHEN (old.read_at IS NULL) IS NOT (new.read_at IS NULL)
  BEGIN
    UPDATE feeds SET unread_count = unread_count + CASE WHEN new.read_at IS NULL THEN 1 ELSE -1 END
    WHERE id = (SELECT feed_id FROM articles WHERE uid = new.uid);
  END;
  CREATE TRIGGER unread_state_delete AFTER DELETE ON article_state
  WHEN old.read_at IS NOT NULL
  BEGIN
    UPDATE feeds SET unread_count = unread_count + 1
    WHERE id = (SELECT feed_id FROM articles WHERE uid = old.uid);
  END;
  `,

  // 3: what the feed says about an article beyond its text: categories and enclosures (podcast
  // audio, video, images), as JSON arrays; NULL when there are none.
  `
  ALTER TABLE articles ADD COLUMN categories TEXT;
  ALTER TABLE articles ADD COLUMN enclosures TEXT;
  `,

  // 4: offline reading (docs/technotes/offline-reading.md).
  `
  -- "Always fetch full text" for a feed's new articles.
  ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;
  -- How many images of the article's shown HTML are not stored yet: NULL until its images have
  -- been looked at, 0 when the article reads completely offline.
  ALTER TABLE articles ADD COLUMN images_missing INTEGER;
  -- The last attempt at the full text: when, and why it failed (NULL when it worked).
  ALTER TABLE articles ADD COLUMN full_text_at INTEGER;
  ALTER TABLE articles ADD COLUMN full_text_error TEXT;
  `,

  // 5: search over what the user wrote (docs/technotes/highlights-and-notes.md). One FTS5 table
  // for highlights (quote and note) and article notes (body), with its own copy of the text:
  // an external-content index over both tables would need a UNION view, whose computed rowid
  // SQLite cannot look up by index, so every snippet would scan the highlights. The rowid says
  // what a row is: a highlight's id * 2, or an article note's article_id * 2 + 1.
  `
  CREATE VIRTUAL TABLE annotations_fts USING fts5 (
    quote, note,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO annotations_fts (rowid, quote, note) SELECT id * 2, exact, note FROM highlights;
  INSERT INTO annotations_fts (rowid, quote, note) SELECT article_id * 2 + 1, '', body FROM notes;

  CREATE TRIGGER annotations_fts_highlight_insert AFTER INSERT ON highlights BEGIN
    INSERT INTO annotations_fts (rowid, quote, note) VALUES (new.id * 2, new.exact, new.note);
  END;
  CREATE TRIGGER annotations_fts_highlight_delete AFTER DELETE ON highlights BEGIN
    DELETE FROM annotations_fts WHERE rowid = old.id * 2;
  END;
  -- Re-anchoring rewrites start and end on reads: that costs no index work.
  CREATE TRIGGER annotations_fts_highlight_update AFTER UPDATE OF id, exact, note ON highlights
  WHEN old.id IS NOT new.id OR old.exact IS NOT new.exact OR old.note IS NOT new.note
  BEGIN
    DELETE FROM annotations_fts WHERE rowid = old.id * 2;
    INSERT INTO annotations_fts (rowid, quote, note) VALUES (new.id * 2, new.exact, new.note);
  END;
  CREATE TRIGGER annotations_fts_note_insert AFTER INSERT ON notes BEGIN
    INSERT INTO annotations_fts (rowid, quote, note) VALUES (new.article_id * 2 + 1, '', new.body);
  END;
  CREATE TRIGGER annotations_fts_note_delete AFTER DELETE ON notes BEGIN
    DELETE FROM annotations_fts WHERE rowid = old.article_id * 2 + 1;
  END;
  CREATE TRIGGER annotations_fts_note_update AFTER UPDATE OF article_id, body ON notes
  WHEN old.article_id IS NOT new.article_id OR old.body IS NOT new.body
  BEGIN
    DELETE FROM annotations_fts WHERE rowid = old.article_id * 2 + 1;
    INSERT INTO annotations_fts (rowid, quote, note) VALUES (new.article_id * 2 + 1, '', new.body);
  END;
  `,

  // 6: what feed discovery found on the sites articles come from and link to, per host, for
  // related feeds (docs/technotes/related-feeds.md). feeds is JSON [{url, title, type}], empty for
  // a site without feeds or one that failed; error says why it failed (kept a day, not a week).
  `
  CREATE TABLE site_feeds (
    host TEXT PRIMARY KEY,
    feeds TEXT NOT NULL,
    checked_at INTEGER NOT NULL,
    error TEXT
  );
  `,
];

/** Returns the schema version of an open database. */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration the database has not had yet, each in a transaction. */
export function migrate(db: Database.Database): void {
  for (let version = schemaVersion(db); version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
