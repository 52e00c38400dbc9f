/**
 * What a reader adds to a library beyond its articles, for the scale libraries: highlights and
 * notes (through their real tables, so the annotations index triggers run) and stored images
 * (assets and article_assets, which library.usage counts).
 */
import type Database from 'better-sqlite3';
import type { Random } from '../words';
import * as shape from './library-shape';

/** An image an article shows: stored as an asset, linked to the article. */
export interface ImageUse {
  url: string;
  articleId: number;
  at: number;
}

const COLORS = ['yellow', 'green', 'blue', 'pink'];

/** Highlights HIGHLIGHTED articles (1–3 sentences each, some with a note) and notes NOTED. */
export function addAnnotations(
  db: Database.Database,
  random: Random,
  articles: readonly { id: number; feedId: number | null }[],
): void {
  const text = db.prepare('SELECT text, fetched_at FROM articles WHERE id = ?');
  const highlight = db.prepare(
    `INSERT INTO highlights (article_id, exact, prefix, suffix, start, "end", color, note,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const note = db.prepare('INSERT INTO notes (article_id, body, updated_at) VALUES (?, ?, ?)');
  const pick = (count: number): number[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, articles.length)) {
      chosen.add((articles[Math.floor(random() * articles.length)] as { id: number }).id);
    }
    return [...chosen];
  };
  db.transaction(() => {
    for (const id of pick(shape.HIGHLIGHTED)) {
      const row = text.get(id) as { text: string; fetched_at: number };
      const count = 1 + Math.floor(random() * 3);
      for (let k = 0; k < count; k++) {
        // A sentence of the text: from after a full stop to the next one.
        const from = row.text.indexOf('. ', Math.floor(random() * row.text.length * 0.8)) + 2;
        const to = row.text.indexOf('.', from) + 1;
        if (from < 2 || to <= from) continue;
        const exact = row.text.slice(from, to);
        const noteText = random() < 0.3 ? exact.split(' ').slice(0, 6).join(' ') : '';
        const at = row.fetched_at + 86_400_000;
        highlight.run(
          id,
          exact,
          row.text.slice(Math.max(0, from - 32), from),
          row.text.slice(to, to + 32),
          from,
          to,
          COLORS[k % COLORS.length],
          noteText,
          at,
          at,
        );
      }
    }
    for (const id of pick(shape.NOTED)) {
      const row = text.get(id) as { text: string; fetched_at: number };
      const body = `# Notes\n\n${row.text.slice(0, 200 + Math.floor(random() * 400))}`;
      note.run(id, body, row.fetched_at + 2 * 86_400_000);
    }
  })();
}

/** Stores each image (random bytes of IMAGE_BYTES) and links it to its article and maybe one more. */
export function addImages(
  db: Database.Database,
  random: Random,
  images: readonly ImageUse[],
): void {
  const asset = db.prepare(
    'INSERT INTO assets (url, type, size, data, fetched_at) VALUES (?, ?, ?, ?, ?)',
  );
  const link = db.prepare(
    'INSERT OR IGNORE INTO article_assets (article_id, asset_id) VALUES (?, ?)',
  );
  db.transaction(() => {
    images.forEach((image, index) => {
      const size = Math.floor(
        shape.IMAGE_BYTES.min + random() * (shape.IMAGE_BYTES.max - shape.IMAGE_BYTES.min),
      );
      const data = Buffer.alloc(size);
      for (let i = 0; i + 4 <= size; i += 4) data.writeUInt32LE((random() * 2 ** 32) >>> 0, i);
      const assetId = Number(
        asset.run(image.url, 'image/jpeg', size, data, image.at).lastInsertRowid,
      );
      link.run(image.articleId, assetId);
      // Every fourth image is shown by the previous image's article too (shared by URL).
      const previous = images[index - 1];
      if (index % 4 === 3 && previous !== undefined) link.run(previous.articleId, assetId);
    });
  })();
}
