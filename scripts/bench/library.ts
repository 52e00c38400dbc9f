/**
 * The 100,000-article library of figures 3–5: 500 feeds, articles of 1–3 KB of Zipf-distributed
 * text (plus a few rare words in ~30 articles each, as names and places are in real news), and a
 * realistic 70% of them read. Inserted directly in batches of 2,000 rows per transaction with the
 * app's schema and triggers (FTS and unread counts); this build is not timed as a figure.
 */
import type { Store } from '../../src/main/core/storage/store';
import type { BenchContext } from './context';
import { openTempStore } from './temp-store';
import type { ZipfWords } from './words';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

export const ARTICLES = 100_000;
export const FEEDS = 500;
/** Share of articles read: most readers skim or mark most of what arrives. */
export const READ_SHARE = 0.7;
/** Real words missing from the vocabulary, each put into ~RARE_PER_WORD articles. */
export const RARE_WORDS = ['zeppelin', 'marzipan', 'quixotic'];
const RARE_PER_WORD = 30;
const BATCH = 2000;
const DAY = 86_400_000;

/** The built library: its store, and the feed ids. */
export interface Library {
  store: Store;
  feedIds: number[];
  buildSeconds: number;
}

/** Builds the library in a fresh temp database. */
export function buildLibrary(ctx: BenchContext): Library {
  const started = performance.now();
  const store = openTempStore(ctx.temp);
  const { words } = ctx;
  for (const rare of RARE_WORDS) {
    if (words.words.includes(rare)) throw new Error(`${rare} is in the vocabulary: not rare`);
  }
  const now = Date.UTC(2025, 1, 1);
  const feedIds = store.transaction(() =>
    Array.from({ length: FEEDS }, (_, i) =>
      store.feeds.insert(
        {
          url: `https://site${i}.example.com/feed`,
          title: words.sentence(2, 4).slice(0, -1),
          siteUrl: null,
          folder: null,
        },
        now,
      ),
    ),
  );
  const insert = rawDatabase(store).prepare(
    `INSERT INTO articles (uid, feed_id, kind, url, title, author, published_at, sort_at,
       fetched_at, updated_at, content_html, text, content_hash)
     VALUES (?, ?, 'feed', ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const rareChance = (RARE_WORDS.length * RARE_PER_WORD) / ARTICLES;
  for (let start = 0; start < ARTICLES; start += BATCH) {
    store.transaction(() => {
      for (let i = start; i < Math.min(ARTICLES, start + BATCH); i++) {
        const feedId = feedIds[i % FEEDS] as number;
        const paragraphs = articleText(words, 1000 + words.random() * 2000);
        if (words.random() < rareChance) {
          const rare = RARE_WORDS[Math.floor(words.random() * RARE_WORDS.length)] as string;
          paragraphs.push(
            `${words.sentence(3, 8).slice(0, -1)} ${rare} ${words.sentence(3, 8).toLowerCase()}`,
          );
        }
        const publishedAt = now - Math.floor(words.random() * 730 * DAY);
        insert.run(
          `${feedId}:bench-${i}`,
          feedId,
          `https://site${feedId}.example.com/${i}`,
          words.sentence(4, 10).slice(0, -1),
          publishedAt,
          publishedAt,
          now,
          now,
          paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
          paragraphs.join('\n\n'),
        );
      }
    });
  }
  // Mark a random 70% read: the triggers keep the feeds' unread counts as the app would.
  store.transaction(() => {
    const read = rawDatabase(store).prepare(
      'INSERT INTO article_state (uid, read_at) VALUES (?, ?)',
    );
    for (let i = 0; i < ARTICLES; i++) {
      if (words.random() < READ_SHARE) read.run(`${feedIds[i % FEEDS]}:bench-${i}`, now);
    }
  });
  rawDatabase(store).pragma('wal_checkpoint(TRUNCATE)');
  return { store, feedIds, buildSeconds: (performance.now() - started) / 1000 };
}

/** Returns an article's paragraphs, about `bytes` of text in all. */
function articleText(words: ZipfWords, bytes: number): string[] {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < bytes) {
    const paragraph = words.paragraph();
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs;
}
