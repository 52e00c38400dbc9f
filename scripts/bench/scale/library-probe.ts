/**
 * What the scale figures need to know about a served library, read once through a read-only
 * connection to the copy: its size, its biggest and smallest feed, articles to open, unread ids
 * to mark, and search words picked by how many articles they should be in (Zipf over the
 * vocabulary, checked by counting the matches).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { toMatchExpression } from '../../../src/main/core/library/search';
import { loadVocabulary, seededRandom } from '../words';

/** Facts about the library, and a match counter. */
export interface LibraryProbe {
  articles: number;
  feeds: number;
  bigFeed: { id: number; articles: number };
  smallFeed: { id: number; articles: number };
  /** Articles spread over the library, the most highlighted first. */
  sampleArticleIds: number[];
  /** Unread feed articles among the newest, shuffled (for markRead). */
  unreadIds: number[];
  unread: number;
  words: { rare: string; twoWords: [string, string]; half: string };
  /** Returns how many articles match `query` as articles.search reads it. */
  matches(query: string): number;
  close(): void;
}

/** Reads the facts from `file` (opened read-only). */
export function probeLibrary(file: string, repo: string): LibraryProbe {
  const db = new Database(file, { readonly: true });
  const one = <T>(sql: string, ...params: unknown[]): T => db.prepare(sql).get(...params) as T;
  const articles = one<{ n: number }>('SELECT count(*) AS n FROM articles').n;
  const maxId = one<{ n: number }>('SELECT max(id) AS n FROM articles').n;
  const sizes = db
    .prepare(
      `SELECT feed_id AS id, count(*) AS articles FROM articles WHERE feed_id IS NOT NULL
       GROUP BY feed_id ORDER BY articles DESC`,
    )
    .all() as { id: number; articles: number }[];
  const highlighted = one<{ id: number } | undefined>(
    'SELECT article_id AS id FROM highlights GROUP BY article_id ORDER BY count(*) DESC LIMIT 1',
  );
  const spread = Array.from({ length: 20 }, (_, k) =>
    Math.max(1, Math.round(((k + 0.5) * maxId) / 20)),
  );
  const unreadIds = db
    .prepare(
      `SELECT a.id FROM articles a LEFT JOIN article_state s ON s.uid = a.uid
       WHERE a.feed_id IS NOT NULL AND s.read_at IS NULL ORDER BY a.id DESC LIMIT 25000`,
    )
    .pluck()
    .all() as number[];
  shuffle(unreadIds);
  const unread = one<{ n: number }>('SELECT sum(unread_count) AS n FROM feeds').n;
  const count = db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck();
  const texts = db
    .prepare('SELECT text FROM articles WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(spread)) as string[];
  const wordsPerArticle =
    texts.reduce((sum, text) => sum + text.split(/\s+/).length, 0) / Math.max(1, texts.length);
  const vocabulary = loadVocabulary(path.join(repo, 'scripts/bench/subtlex-words.txt'));
  const pick = wordPicker(vocabulary, wordsPerArticle);
  const matches = (query: string): number => count.get(toMatchExpression(query)) as number;
  return {
    articles,
    feeds: one<{ n: number }>('SELECT count(*) AS n FROM feeds').n,
    bigFeed: sizes[0] as { id: number; articles: number },
    smallFeed: sizes[sizes.length - 1] as { id: number; articles: number },
    sampleArticleIds: highlighted ? [highlighted.id, ...spread] : spread,
    unreadIds,
    unread,
    words: {
      rare: vocabulary[vocabulary.length - 1] as string,
      twoWords: [pick(0.12), pick(0.06)],
      half: halfWord(vocabulary, pick(0.65), articles, matches),
    },
    matches,
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Returns a picker of the most frequent word expected in at most `share` of the articles. */
function wordPicker(vocabulary: readonly string[], wordsPerArticle: number) {
  let harmonic = 0;
  for (let rank = 1; rank <= vocabulary.length; rank++) harmonic += 1 / rank;
  return (share: number): string => {
    for (let rank = 0; rank < vocabulary.length; rank++) {
      const p = 1 / ((rank + 1) * harmonic);
      if (1 - Math.exp(-wordsPerArticle * p) <= share) return vocabulary[rank] as string;
    }
    return vocabulary[vocabulary.length - 1] as string;
  };
}

/**
 * Returns the word whose matches come nearest half the library, among ten words of four letters
 * or more from `from` on: search reads the last word as a prefix, so "or" finds "order" and
 * "original" too (79% of the library, not the 50% its own frequency gives).
 */
function halfWord(
  vocabulary: readonly string[],
  from: string,
  articles: number,
  matches: (query: string) => number,
): string {
  const start = vocabulary.indexOf(from);
  const candidates = vocabulary
    .slice(start)
    .filter((word) => word.length >= 4)
    .slice(0, 10);
  let best = candidates[0] as string;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const word of candidates) {
    const distance = Math.abs(matches(word) / articles - 0.5);
    if (distance < bestDistance) [best, bestDistance] = [word, distance];
  }
  return best;
}

function shuffle(values: number[]): void {
  const random = seededRandom(7);
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j] as number, values[i] as number];
  }
}
