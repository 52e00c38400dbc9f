import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Store } from '../../src/main/core/storage/store';
import { MIGRATIONS, migrate, schemaVersion } from '../../src/main/core/storage/migrations';
import { rawDatabase } from '../../src/main/core/storage/raw-database';

describe('migrations', () => {
  it('take an empty database to the latest version, one user_version step each', () => {
    const db = new Database(':memory:');
    expect(schemaVersion(db)).toBe(0);
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    for (const name of [
      'feeds',
      'articles',
      'article_state',
      'articles_fts',
      'highlights',
      'notes',
      'assets',
      'settings',
    ]) {
      expect(tables).toContain(name);
    }
    migrate(db); // idempotent
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('roll back a failing migration and keep the version', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE feeds (x)'); // makes migration 1 fail midway
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'articles'").pluck().get(),
    ).toBe(0);
    db.close();
  });
});

describe('the FTS5 index', () => {
  const article = (uid: string, title: string, text: string) => ({
    uid,
    feedId: null,
    kind: 'saved' as const,
    url: null,
    title,
    author: 'Ann Author',
    publishedAt: null,
    contentHtml: `<p>${text}</p>`,
    text,
  });
  const search = (store: Store, q: string) =>
    rawDatabase(store)
      .prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank')
      .pluck()
      .all(q);

  it('follows inserts, updates and deletes', () => {
    const store = Store.open(':memory:');
    const id = store.articles.insert(
      article('a', 'Trains at night', 'Sleeper trains cross Siberia.'),
    );
    expect(search(store, 'siberia')).toEqual([id]);
    rawDatabase(store)
      .prepare("UPDATE articles SET text = 'Ferries cross the Baltic.' WHERE id = ?")
      .run(id);
    expect(search(store, 'siberia')).toEqual([]);
    expect(search(store, 'baltic')).toEqual([id]);
    rawDatabase(store).prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(search(store, 'baltic')).toEqual([]);
    store.close();
  });

  it('finds Cyrillic and diacritics-insensitive words', () => {
    const store = Store.open(':memory:');
    const id = store.articles.insert(
      article('b', 'Визит в Харбин', 'Президент посетил Харбин. Café crème.'),
    );
    expect(search(store, 'харбин')).toEqual([id]);
    expect(search(store, 'cafe')).toEqual([id]);
    store.close();
  });

  it('is not touched when an update leaves the indexed columns as they were', () => {
    const store = Store.open(':memory:');
    const id = store.articles.insert(article('c', 'Title', 'Body text'));
    // Count the index's writes through its shadow table: a real reindex adds segments.
    const before = rawDatabase(store)
      .prepare('SELECT count(*) FROM articles_fts_data')
      .pluck()
      .get();
    rawDatabase(store)
      .prepare("UPDATE articles SET url = 'https://example.com/c', updated_at = 5 WHERE id = ?")
      .run(id);
    rawDatabase(store)
      .prepare('UPDATE articles SET title = title, text = text WHERE id = ?')
      .run(id);
    const after = rawDatabase(store)
      .prepare('SELECT count(*) FROM articles_fts_data')
      .pluck()
      .get();
    expect(after).toBe(before);
    rawDatabase(store).prepare("UPDATE articles SET title = 'New title' WHERE id = ?").run(id);
    expect(
      rawDatabase(store).prepare('SELECT count(*) FROM articles_fts_data').pluck().get(),
    ).toBeGreaterThan(before as number);
    store.close();
  });
});
