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

  // 7: lists and counts at a million articles (docs/technotes/storage.md, "Lists and counts at a
  // million articles"). article_flags is a narrow copy of what lists filter and sort on, one row
  // per article kept by triggers, so read/starred filters use partial indexes without rewriting
  // the wide articles rows; the unread counters move onto it; source_usage keeps library.usage's
  // sums instead of scanning every article.
  `
  DROP TRIGGER unread_article_insert;
  DROP TRIGGER unread_article_delete;
  DROP TRIGGER unread_article_move;
  DROP TRIGGER unread_state_insert;
  DROP TRIGGER unread_state_update;
  DROP TRIGGER unread_state_delete;

  CREATE TABLE article_flags (
    id         INTEGER PRIMARY KEY, -- articles.id
    uid        TEXT NOT NULL,
    feed_id    INTEGER,
    sort_at    INTEGER NOT NULL,
    read_at    INTEGER,
    starred_at INTEGER
  );
  INSERT INTO article_flags (id, uid, feed_id, sort_at, read_at, starred_at)
  SELECT a.id, a.uid, a.feed_id, a.sort_at, s.read_at, s.starred_at
  FROM articles a LEFT JOIN article_state s ON s.uid = a.uid;
  -- The id is the rowid, which every index entry ends with: (sort_at) walked backwards gives
  -- ORDER BY sort_at DESC, id DESC, with a smaller entry than (sort_at DESC, id DESC).
  CREATE INDEX article_flags_unread ON article_flags (sort_at) WHERE read_at IS NULL;
  CREATE INDEX article_flags_unread_by_feed ON article_flags (feed_id, sort_at)
  WHERE read_at IS NULL;
  CREATE INDEX article_flags_starred ON article_flags (sort_at) WHERE starred_at IS NOT NULL;

  -- articles -> article_flags.
  CREATE TRIGGER article_flags_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_flags (id, uid, feed_id, sort_at, read_at, starred_at)
    SELECT new.id, new.uid, new.feed_id, new.sort_at, s.read_at, s.starred_at
    FROM (SELECT 1) LEFT JOIN article_state s ON s.uid = new.uid;
  END;
  CREATE TRIGGER article_flags_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_flags WHERE id = old.id;
  END;
  CREATE TRIGGER article_flags_move AFTER UPDATE OF uid, feed_id, sort_at ON articles
  WHEN old.uid IS NOT new.uid OR old.feed_id IS NOT new.feed_id OR old.sort_at IS NOT new.sort_at
  BEGIN
    UPDATE article_flags SET uid = new.uid, feed_id = new.feed_id, sort_at = new.sort_at,
      read_at = (SELECT read_at FROM article_state WHERE uid = new.uid),
      starred_at = (SELECT starred_at FROM article_state WHERE uid = new.uid)
    WHERE id = new.id;
  END;

  -- article_state -> article_flags. The uid -> id lookup reads only articles' uid index.
  CREATE TRIGGER article_flags_state_insert AFTER INSERT ON article_state BEGIN
    UPDATE article_flags SET read_at = new.read_at, starred_at = new.starred_at
    WHERE id = (SELECT id FROM articles WHERE uid = new.uid);
  END;
  CREATE TRIGGER article_flags_state_update AFTER UPDATE OF read_at, starred_at ON article_state
  WHEN old.read_at IS NOT new.read_at OR old.starred_at IS NOT new.starred_at
  BEGIN
    UPDATE article_flags SET read_at = new.read_at, starred_at = new.starred_at
    WHERE id = (SELECT id FROM articles WHERE uid = new.uid);
  END;
  CREATE TRIGGER article_flags_state_delete AFTER DELETE ON article_state BEGIN
    UPDATE article_flags SET read_at = NULL, starred_at = NULL
    WHERE id = (SELECT id FROM articles WHERE uid = old.uid);
  END;

  -- The unread counters (migration 2's rule: a feed article without a read time), from the flags.
  CREATE TRIGGER unread_flags_insert AFTER INSERT ON article_flags
  WHEN new.feed_id IS NOT NULL AND new.read_at IS NULL
  BEGIN
    UPDATE feeds SET unread_count = unread_count + 1 WHERE id = new.feed_id;
  END;
  CREATE TRIGGER unread_flags_delete AFTER DELETE ON article_flags
  WHEN old.feed_id IS NOT NULL AND old.read_at IS NULL
  BEGIN
    UPDATE feeds SET unread_count = unread_count - 1 WHERE id = old.feed_id;
  END;
  CREATE TRIGGER unread_flags_update AFTER UPDATE OF feed_id, read_at ON article_flags
  WHEN old.feed_id IS NOT new.feed_id OR (old.read_at IS NULL) IS NOT (new.read_at IS NULL)
  BEGIN
    UPDATE feeds SET unread_count = unread_count - 1 WHERE id = old.feed_id AND old.read_at IS NULL;
    UPDATE feeds SET unread_count = unread_count + 1 WHERE id = new.feed_id AND new.read_at IS NULL;
  END;
  UPDATE feeds SET unread_count = (
    SELECT count(*) FROM article_flags WHERE feed_id = feeds.id AND read_at IS NULL);

  -- Space used per source (library.usage): source is the feed id, 0 for the library (feed_id
  -- NULL). Text bytes as usageBySource counted them; an image counts for the source of the
  -- lowest article id linking it (its owner).
  CREATE TABLE source_usage (
    source      INTEGER PRIMARY KEY,
    articles    INTEGER NOT NULL DEFAULT 0,
    text_bytes  INTEGER NOT NULL DEFAULT 0,
    image_bytes INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO source_usage (source, articles, text_bytes)
  SELECT coalesce(feed_id, 0), count(*), sum(octet_length(content_html)
    + coalesce(octet_length(full_text_html), 0) + octet_length(text))
  FROM articles NOT INDEXED GROUP BY coalesce(feed_id, 0);
  INSERT INTO source_usage (source, image_bytes)
  SELECT coalesce(a.feed_id, 0), sum(x.size)
  FROM (SELECT asset_id, min(article_id) AS article_id FROM article_assets GROUP BY asset_id) o
  JOIN articles a ON a.id = o.article_id JOIN assets x ON x.id = o.asset_id
  GROUP BY coalesce(a.feed_id, 0)
  ON CONFLICT (source) DO UPDATE SET image_bytes = excluded.image_bytes;

  CREATE TRIGGER usage_article_insert AFTER INSERT ON articles BEGIN
    INSERT INTO source_usage (source, articles, text_bytes)
    VALUES (coalesce(new.feed_id, 0), 1, octet_length(new.content_html)
      + coalesce(octet_length(new.full_text_html), 0) + octet_length(new.text))
    ON CONFLICT (source) DO UPDATE SET articles = articles + 1,
      text_bytes = text_bytes + excluded.text_bytes;
  END;
  CREATE TRIGGER usage_article_update AFTER UPDATE OF feed_id, content_html, full_text_html, text
  ON articles
  WHEN old.feed_id IS NOT new.feed_id
    OR octet_length(old.content_html) + coalesce(octet_length(old.full_text_html), 0)
       + octet_length(old.text)
    IS NOT octet_length(new.content_html) + coalesce(octet_length(new.full_text_html), 0)
       + octet_length(new.text)
  BEGIN
    UPDATE source_usage SET articles = articles - 1, text_bytes = text_bytes
      - octet_length(old.content_html) - coalesce(octet_length(old.full_text_html), 0)
      - octet_length(old.text)
    WHERE source = coalesce(old.feed_id, 0);
    INSERT INTO source_usage (source, articles, text_bytes)
    VALUES (coalesce(new.feed_id, 0), 1, octet_length(new.content_html)
      + coalesce(octet_length(new.full_text_html), 0) + octet_length(new.text))
    ON CONFLICT (source) DO UPDATE SET articles = articles + 1,
      text_bytes = text_bytes + excluded.text_bytes;
  END;
  -- Before the delete: article_assets' cascade removes the links once the row is gone.
  CREATE TRIGGER usage_article_delete BEFORE DELETE ON articles BEGIN
    UPDATE source_usage SET articles = articles - 1, text_bytes = text_bytes
      - octet_length(old.content_html) - coalesce(octet_length(old.full_text_html), 0)
      - octet_length(old.text)
    WHERE source = coalesce(old.feed_id, 0);
  END;
  -- The images an article owns go with it when it leaves its source: to the next owner when it
  -- is deleted, to its new source when it moves.
  CREATE TRIGGER usage_images_delete BEFORE DELETE ON articles
  WHEN EXISTS (SELECT 1 FROM article_assets WHERE article_id = old.id)
  BEGIN
    UPDATE source_usage SET image_bytes = image_bytes - (
      SELECT coalesce(sum(x.size), 0) FROM article_assets l JOIN assets x ON x.id = l.asset_id
      WHERE l.article_id = old.id AND NOT EXISTS (
        SELECT 1 FROM article_assets o WHERE o.asset_id = l.asset_id AND o.article_id < old.id))
    WHERE source = coalesce(old.feed_id, 0);
    INSERT INTO source_usage (source, image_bytes)
    SELECT coalesce(n.feed_id, 0), sum(x.size)
    FROM article_assets l JOIN assets x ON x.id = l.asset_id
    JOIN articles n ON n.id = (SELECT min(o.article_id) FROM article_assets o
      WHERE o.asset_id = l.asset_id AND o.article_id > old.id)
    WHERE l.article_id = old.id AND NOT EXISTS (
      SELECT 1 FROM article_assets o WHERE o.asset_id = l.asset_id AND o.article_id < old.id)
    GROUP BY coalesce(n.feed_id, 0)
    ON CONFLICT (source) DO UPDATE SET image_bytes = image_bytes + excluded.image_bytes;
  END;
  CREATE TRIGGER usage_images_move AFTER UPDATE OF feed_id ON articles
  WHEN old.feed_id IS NOT new.feed_id
    AND EXISTS (SELECT 1 FROM article_assets WHERE article_id = new.id)
  BEGIN
    UPDATE source_usage SET image_bytes = image_bytes - (
      SELECT coalesce(sum(x.size), 0) FROM article_assets l JOIN assets x ON x.id = l.asset_id
      WHERE l.article_id = new.id AND NOT EXISTS (
        SELECT 1 FROM article_assets o WHERE o.asset_id = l.asset_id AND o.article_id < new.id))
    WHERE source = coalesce(old.feed_id, 0);
    INSERT INTO source_usage (source, image_bytes) VALUES (coalesce(new.feed_id, 0), (
      SELECT coalesce(sum(x.size), 0) FROM article_assets l JOIN assets x ON x.id = l.asset_id
      WHERE l.article_id = new.id AND NOT EXISTS (
        SELECT 1 FROM article_assets o WHERE o.asset_id = l.asset_id AND o.article_id < new.id)))
    ON CONFLICT (source) DO UPDATE SET image_bytes = image_bytes + excluded.image_bytes;
  END;
  -- A new link: the image moves to this article's source when it becomes the owner.
  CREATE TRIGGER usage_link_insert AFTER INSERT ON article_assets
  WHEN NOT EXISTS (SELECT 1 FROM article_assets o
    WHERE o.asset_id = new.asset_id AND o.article_id < new.article_id)
  BEGIN
    UPDATE source_usage SET image_bytes = image_bytes
      - (SELECT size FROM assets WHERE id = new.asset_id)
    WHERE source = (SELECT coalesce(a.feed_id, 0) FROM articles a WHERE a.id = (
      SELECT min(o.article_id) FROM article_assets o
      WHERE o.asset_id = new.asset_id AND o.article_id > new.article_id));
    INSERT INTO source_usage (source, image_bytes)
    SELECT coalesce(a.feed_id, 0), x.size FROM articles a, assets x
    WHERE a.id = new.article_id AND x.id = new.asset_id
    ON CONFLICT (source) DO UPDATE SET image_bytes = image_bytes + excluded.image_bytes;
  END;
  -- A link removed while its article and asset stay (cascades are the triggers above and below).
  CREATE TRIGGER usage_link_delete AFTER DELETE ON article_assets
  WHEN EXISTS (SELECT 1 FROM articles WHERE id = old.article_id)
    AND EXISTS (SELECT 1 FROM assets WHERE id = old.asset_id)
    AND NOT EXISTS (SELECT 1 FROM article_assets o
      WHERE o.asset_id = old.asset_id AND o.article_id < old.article_id)
  BEGIN
    UPDATE source_usage SET image_bytes = image_bytes
      - (SELECT size FROM assets WHERE id = old.asset_id)
    WHERE source = (SELECT coalesce(feed_id, 0) FROM articles WHERE id = old.article_id);
    INSERT INTO source_usage (source, image_bytes)
    SELECT coalesce(a.feed_id, 0), x.size FROM articles a, assets x
    WHERE x.id = old.asset_id AND a.id = (
      SELECT min(article_id) FROM article_assets WHERE asset_id = old.asset_id)
    ON CONFLICT (source) DO UPDATE SET image_bytes = image_bytes + excluded.image_bytes;
  END;
  CREATE TRIGGER usage_asset_resize AFTER UPDATE OF size ON assets
  WHEN old.size IS NOT new.size
  BEGIN
    UPDATE source_usage SET image_bytes = image_bytes + new.size - old.size
    WHERE source = (SELECT coalesce(a.feed_id, 0) FROM articles a WHERE a.id = (
      SELECT min(article_id) FROM article_assets WHERE asset_id = new.id));
  END;
  CREATE TRIGGER usage_asset_delete BEFORE DELETE ON assets BEGIN
    UPDATE source_usage SET image_bytes = image_bytes - old.size
    WHERE source = (SELECT coalesce(a.feed_id, 0) FROM articles a WHERE a.id = (
      SELECT min(article_id) FROM article_assets WHERE asset_id = old.id));
  END;
  CREATE TRIGGER usage_feed_delete AFTER DELETE ON feeds BEGIN
    DELETE FROM source_usage WHERE source = old.id;
  END;
  `,

  // 8: mark all read in bulk (docs/technotes/storage.md, "Marking many read"). markAllRead
  // writes article_state and article_flags with one statement each and the counters once per
  // feed; while bulk_state_change holds its row (inside that one transaction, so no other
  // connection ever sees it) the per-row triggers that would repeat that work stand aside: the
  // uid -> id probe, the flags update and two counter updates per article were ~5 of the ~8 µs
  // an article cost at a million.
  `
  CREATE TABLE bulk_state_change (id INTEGER PRIMARY KEY CHECK (id = 1));

  DROP TRIGGER article_flags_state_insert;
  DROP TRIGGER article_flags_state_update;
  DROP TRIGGER unread_flags_update;
  CREATE TRIGGER article_flags_state_insert AFTER INSERT ON article_state
  WHEN NOT EXISTS (SELECT 1 FROM bulk_state_change)
  BEGIN
    UPDATE article_flags SET read_at = new.read_at, starred_at = new.starred_at
    WHERE id = (SELECT id FROM articles WHERE uid = new.uid);
  END;
  CREATE TRIGGER article_flags_state_update AFTER UPDATE OF read_at, starred_at ON article_state
  WHEN (old.read_at IS NOT new.read_at OR old.starred_at IS NOT new.starred_at)
    AND NOT EXISTS (SELECT 1 FROM bulk_state_change)
  BEGIN
    UPDATE article_flags SET read_at = new.read_at, starred_at = new.starred_at
    WHERE id = (SELECT id FROM articles WHERE uid = new.uid);
  END;
  CREATE TRIGGER unread_flags_update AFTER UPDATE OF feed_id, read_at ON article_flags
  WHEN (old.feed_id IS NOT new.feed_id OR (old.read_at IS NULL) IS NOT (new.read_at IS NULL))
    AND NOT EXISTS (SELECT 1 FROM bulk_state_change)
  BEGIN
    UPDATE feeds SET unread_count = unread_count - 1 WHERE id = old.feed_id AND old.read_at IS NULL;
    UPDATE feeds SET unread_count = unread_count + 1 WHERE id = new.feed_id AND new.read_at IS NULL;
  END;
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
