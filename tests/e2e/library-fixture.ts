/**
 * Puts two more library articles into a fresh data folder, for the tests that need more than
 * the seed (j/k, reload). Why SQL here: `articles.save` (the Api's way to add a library
 * article) needs a web page to fetch, and an end-to-end test must not import the core. So
 * serve.js creates the database itself (schema and seed), is stopped, and the rows are added
 * with better-sqlite3 into the `articles` table of src/main/core/storage/migrations.ts
 * (feed_id NULL = library). Could become `articles.save` against site-server.ts.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startServe } from './serve-process';

/** An article the helper adds; `daysAgo` orders them after the seed (newest first). */
export interface ExtraArticle {
  title: string;
  author: string;
  daysAgo: number;
  paragraphs: string[];
}

/** The articles `addLibraryArticles` adds, in the order they are listed (newest first). */
export const EXTRA_ARTICLES: readonly ExtraArticle[] = [
  {
    title: 'The Quiet Revival of the Long-Distance Night Train',
    author: 'Mara Lind',
    daysAgo: 400,
    paragraphs: [
      'Across Europe, sleeper services that were cut a decade ago are running again.',
      'Operators say demand comes from travellers who would rather wake up in a city centre.',
    ],
  },
  {
    title: 'Why Harbin Freezes Its River Into a City of Ice',
    author: 'Chen Wei',
    daysAgo: 800,
    paragraphs: [
      'Every winter, blocks cut from the Songhua river become palaces lit from within.',
      'The festival draws visitors from across Asia and Russia to the northern city.',
    ],
  },
];

/**
 * Creates the database in `dataDir` by starting and stopping serve.js once, then adds
 * EXTRA_ARTICLES as library articles. Call before starting serve on `dataDir` for the test.
 */
export async function addLibraryArticles(dataDir: string): Promise<void> {
  const serve = await startServe(dataDir);
  await serve.stop();

  const db = new Database(join(dataDir, 'folio.db'));
  try {
    const insert = db.prepare(`
      INSERT INTO articles (uid, feed_id, kind, url, title, author, published_at, sort_at,
                            fetched_at, updated_at, content_html, text)
      VALUES (@uid, NULL, 'saved', NULL, @title, @author, @at, @at, @now, @now, @html, @text)
    `);
    const now = Date.now();
    db.transaction(() => {
      EXTRA_ARTICLES.forEach((article, index) => {
        const html = article.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
        insert.run({
          uid: `library:e2e-${index + 1}`,
          title: article.title,
          author: article.author,
          at: now - article.daysAgo * 86_400_000,
          now,
          html,
          text: article.paragraphs.join('\n\n'),
        });
      });
    })();
  } finally {
    db.close();
  }
}
