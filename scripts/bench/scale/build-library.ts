/**
 * Builds a scale library file (issue 11, point 7): FEEDS feeds, `articles` articles of ~4 KB over
 * five years, ~70% read, starred, highlighted and noted articles, saved pages and stored images,
 * as the app would hold them. Seeded: the same count gives the same library.
 *
 * Speed (the 1M build must take under ~25 minutes): no journal and no fsync while building (a
 * crash leaves a file the cache never names, see library-cache.ts), big transactions, one cached
 * statement per table, and the article FTS index built in one 'rebuild' at the end with its insert
 * trigger dropped during the load and recreated from its own SQL, so the file is what the
 * migrations define. The other triggers (unread counts, annotations' index) run as in the app.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Store } from '../../../src/main/core/storage/store';
import { rawDatabase } from '../../../src/main/core/storage/raw-database';
import { loadVocabulary, seededRandom, ZipfWords } from '../words';
import { capital, makeArticle, makeAuthors } from './article-text';
import * as shape from './library-shape';
import { addAnnotations, addImages, type ImageUse } from './library-extras';

const BATCH = 10_000;

/** What the build did, for its log and the cache's README. */
export interface BuildStats {
  articles: number;
  feeds: number;
  seconds: number;
  phases: Record<string, number>;
}

/** Writes a new library of `articles` articles at `file` (which must not exist). */
export function buildScaleLibrary(
  file: string,
  articles: number,
  repo: string,
  log: (line: string) => void = () => {},
): BuildStats {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let phaseStart = started;
  const phase = (name: string): void => {
    const now = performance.now();
    phases[name] = (now - phaseStart) / 1000;
    phaseStart = now;
    log(`${name}: ${phases[name]?.toFixed(1)} s`);
  };
  const random = seededRandom(20261101 + articles);
  const words = new ZipfWords(
    loadVocabulary(path.join(repo, 'scripts/bench/subtlex-words.txt')),
    random,
    1,
    24,
  );
  const store = Store.open(file);
  const db = rawDatabase(store);
  // The build writes a file no one else has open: no journal, no fsync, a big page cache.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const ftsTrigger = db
    .prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_fts_insert'",
    )
    .pluck()
    .get() as string;
  db.exec('DROP TRIGGER articles_fts_insert');

  const feeds = insertFeeds(store, words);
  phase('feeds');
  const { ids, images } = insertArticles(db, words, feeds, articles, log);
  phase('articles');
  insertState(db, words, ids);
  phase('state');
  addAnnotations(db, words.random, ids);
  addImages(db, words.random, images);
  phase('annotations and images');
  db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')");
  db.exec(ftsTrigger);
  phase('fts');
  db.pragma('journal_mode = WAL');
  store.close();
  phase('close');
  return {
    articles,
    feeds: feeds.length,
    seconds: (performance.now() - started) / 1000,
    phases,
  };
}

interface BuiltFeed {
  id: number;
  siteUrl: string;
}

/** Inserts the feeds (some in folders) through the store, as subscribing would. */
function insertFeeds(store: Store, words: ZipfWords): BuiltFeed[] {
  const folders = Array.from({ length: shape.FOLDERS }, () => capital(words.word()));
  const feeds = store.transaction(() =>
    Array.from({ length: shape.FEEDS }, (_, i) => {
      const siteUrl = `https://site${i}.example.com/`;
      const folder =
        words.random() < shape.IN_FOLDER_SHARE
          ? (folders[Math.floor(words.random() * folders.length)] as string)
          : null;
      const title = words.sentence(1, 4).slice(0, -1);
      const id = store.feeds.insert(
        { url: `${siteUrl}feed.xml`, title, siteUrl, folder },
        shape.LIBRARY_NOW - shape.SPAN_MS,
      );
      return { id, siteUrl };
    }),
  );
  // Fetched at the library's "now" and not due before 2100: a served copy with the scheduler on
  // must not try to refresh 1,000 feeds of example.com (nothing may leave loopback).
  rawDatabase(store)
    .prepare('UPDATE feeds SET last_fetched_at = ?, next_fetch_at = ?')
    .run(shape.LIBRARY_NOW, Date.UTC(2100, 0, 1));
  return feeds;
}

/** One built article: its id, uid and place in time order. */
interface BuiltArticle {
  id: number;
  uid: string;
  sortAt: number;
  feedId: number | null;
}

/** Inserts the articles in time order (as they would have arrived), in big transactions. */
function insertArticles(
  db: Database.Database,
  words: ZipfWords,
  feeds: BuiltFeed[],
  articles: number,
  log: (line: string) => void,
): { ids: BuiltArticle[]; images: ImageUse[] } {
  const pickFeed = shape.feedPicker(words.random);
  const authors = makeAuthors(words, 400);
  const insert = db.prepare(
    `INSERT INTO articles (uid, feed_id, kind, url, title, author, published_at, sort_at,
       fetched_at, updated_at, content_html, text, content_hash, images_missing)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  );
  const ids: BuiltArticle[] = [];
  const images: ImageUse[] = [];
  const step = shape.SPAN_MS / articles;
  const start = shape.LIBRARY_NOW - shape.SPAN_MS;
  const run = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const saved = i % shape.SAVED_EVERY === shape.SAVED_EVERY - 1;
      const feed = saved ? null : (feeds[pickFeed()] as BuiltFeed);
      const siteUrl = feed?.siteUrl ?? 'https://saved.example.org/';
      const sortAt = Math.floor(start + i * step + words.random() * step);
      const image = words.random() < 1 / shape.IMAGE_EVERY ? `${siteUrl}images/${i}.jpg` : null;
      const content = makeArticle(words, authors, siteUrl, image);
      const url = `${siteUrl}${saved ? 'page' : 'posts'}/${i}`;
      const uid = saved ? `library:saved:${url}` : `${feed?.id}:bench-${i}`;
      const fetchedAt = sortAt + 600_000;
      const result = insert.run(
        uid,
        feed?.id ?? null,
        saved ? 'saved' : 'feed',
        url,
        content.title,
        content.author,
        sortAt,
        sortAt,
        fetchedAt,
        fetchedAt,
        content.html,
        content.text,
        image === null ? null : 0,
      );
      const id = Number(result.lastInsertRowid);
      ids.push({ id, uid, sortAt, feedId: feed?.id ?? null });
      if (image !== null) images.push({ url: image, articleId: id, at: fetchedAt });
    }
  });
  for (let from = 0; from < articles; from += BATCH) {
    run(from, Math.min(articles, from + BATCH));
    if ((from / BATCH) % 20 === 19) log(`articles: ${from + BATCH} of ${articles}`);
  }
  return { ids, images };
}

/** Marks ~70% read (older articles more than new ones) and STARRED articles starred. */
function insertState(db: Database.Database, words: ZipfWords, ids: BuiltArticle[]): void {
  const starred = new Set<number>();
  while (starred.size < Math.min(shape.STARRED, ids.length)) {
    starred.add(Math.floor(words.random() * ids.length));
  }
  const insert = db.prepare(
    'INSERT INTO article_state (uid, read_at, starred_at) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    ids.forEach((article, index) => {
      const read = article.feedId !== null && shape.isRead(words.random, index, ids.length);
      const star = starred.has(index);
      if (!read && !star) return;
      const at = article.sortAt + 3_600_000;
      insert.run(article.uid, read ? at : null, star ? at : null);
    });
  })();
}
