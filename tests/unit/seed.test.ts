import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { importSeedOnce, parseSeed, SEED_UID } from '../../src/main/core/library/seed';
import { openApp } from '../../src/main/core/app';
import { RESOURCES_DIR, tempDir } from '../helpers/temp-dir';
import { rawDatabase } from '../../src/main/core/storage/raw-database';
import { loopbackFetch } from '../helpers/net';

const SEED = readFileSync(join(RESOURCES_DIR, 'seed', 'harbin-visit.txt'), 'utf8');
const HEADINGS = [
  'A Strategic Partnership Beyond Ceremonial Visits',
  'Deepening Academic Ties',
  "A 'New Era' in Sino-Russian Relations",
  'A Shared Historical Celebration Amid Contemporary Challenges',
  'The Larger Geopolitical Implications',
  'Economic Projections and Potential',
  'Future Prospects',
  'Conclusion',
];

describe('parseSeed', () => {
  const seed = parseSeed(SEED);

  it('takes the first line as the title', () => {
    expect(seed.title).toBe(
      "Putin's Landmark Visit to Harbin: Bridging Cultures and Fortifying Bonds",
    );
  });

  it('makes the 8 short unpunctuated lines h2 headings, in order', () => {
    const h2 = [...seed.html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    expect(h2).toEqual(HEADINGS);
  });

  it('makes the rest paragraphs and drops the trailing "Write a comment"', () => {
    expect(seed.html.match(/<p>/g)).toHaveLength(9);
    expect(seed.html).not.toContain('Write a comment');
    expect(seed.text).not.toContain('Write a comment');
    expect(seed.text.endsWith('a defining factor in global politics.')).toBe(true);
  });

  it('escapes markup in the text', () => {
    const parsed = parseSeed('A <b> title\nA line with <script>alert(1)</script> & more text.\n');
    expect(parsed.html).toBe(
      '<p>A line with &lt;script&gt;alert(1)&lt;/script&gt; &amp; more text.</p>',
    );
  });

  it('copes with CRLF line ends and a BOM', () => {
    const parsed = parseSeed('\uFEFFTitle\r\nHeading\r\nA sentence.\r\nWrite a comment\r\n');
    expect(parsed).toMatchObject({ title: 'Title', html: '<h2>Heading</h2>\n<p>A sentence.</p>' });
  });
});

describe('importSeedOnce', () => {
  it('imports the seed as a library article on the first start only', () => {
    const store = Store.open(':memory:');
    const id = importSeedOnce(store, SEED);
    expect(id).not.toBeNull();
    expect(importSeedOnce(store, SEED)).toBeNull();
    const page = store.articles.list();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id, kind: 'seed', feedId: null, readAt: null });
    expect(store.articles.idByUid(SEED_UID)).toBe(id);
    store.close();
  });

  it('does not bring the seed back after the user deleted it', () => {
    const store = Store.open(':memory:');
    const id = importSeedOnce(store, SEED);
    rawDatabase(store).prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(importSeedOnce(store, SEED)).toBeNull();
    expect(store.articles.countByKind('seed')).toBe(0);
    store.close();
  });

  it('gives one seed article across two starts of the app on the same data folder', async () => {
    const dataDir = tempDir();
    for (let start = 0; start < 2; start++) {
      const app = openApp({ fetch: loopbackFetch, dataDir, resourcesDir: RESOURCES_DIR });
      const page = await app.api['articles.list']({});
      expect(page.items.filter((a) => a.kind === 'seed')).toHaveLength(1);
      app.close();
    }
  });
});
