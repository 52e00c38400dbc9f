import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { importSeedOnce } from '../../src/main/core/library/seed';
import { relatedArticles } from '../../src/main/core/library/related/related-articles';
import { anyOf } from '../../src/main/core/library/related/library-vocabulary';
import { articleTerms } from '../../src/main/core/library/related/terms';
import { relatedService } from '../../src/main/core/library/related/related-service';

/**
 * A small library on several subjects, realistic enough for bm25 (it is ≈0 for a term present in
 * half of a tiny corpus). The first is the closest to the seed; the second shares only Harbin.
 */
const CORPUS: [string, string][] = [
  [
    'Xi and Putin sign joint statement on a "new era" of partnership',
    'Chinese President Xi Jinping and Russian President Vladimir Putin signed a joint statement in Beijing deepening the strategic partnership between Russia and China. The two leaders criticised Western military alliances in Asia, promised more trade and energy cooperation despite sanctions, and discussed the war in Ukraine. Analysts said Sino-Russian relations had reached their closest point in decades.',
  ],
  [
    'Harbin Ice and Snow World opens for the winter',
    'Harbin opened its ice festival with palaces carved from blocks of the frozen Songhua river. Tourists from across China crowded the city, famous for its Russian-era architecture and cold winters.',
  ],
  [
    'Central bank holds interest rates',
    'The central bank kept its main interest rate unchanged, saying inflation was easing but wages were still rising quickly. Markets expect a cut before the end of the year.',
  ],
  [
    'New RISC-V laptop runs mainline Linux',
    'A laptop built around an eight-core RISC-V processor boots mainline Linux kernels, with an open-source graphics driver merged into Mesa.',
  ],
  [
    'Webb spots water on a temperate exoplanet',
    'The James Webb Space Telescope detected water vapour and methane in the atmosphere of a planet orbiting a red dwarf star.',
  ],
  [
    'How to keep a sourdough starter alive',
    'Feed the starter with flour and water every day, keep it warm, and discard half before each feeding so it stays active.',
  ],
  [
    'Champions League final goes to penalties',
    'The final ended goalless after extra time, and the goalkeeper saved two penalties to win the cup for his club.',
  ],
  [
    'Drought threatens the olive harvest',
    'A dry spring and a hot summer left olive groves in southern Spain with half their usual crop, pushing up oil prices.',
  ],
  [
    'City council approves new cycle lanes',
    'The council voted to build protected cycle lanes on three main roads, despite objections from shop owners about parking.',
  ],
  [
    'Museum returns looted bronzes',
    'The museum handed back a collection of bronzes taken during a colonial expedition, after years of talks with the government.',
  ],
];

let store: Store;
let seed: number;
let ids: number[];

beforeEach(() => {
  store = Store.open(':memory:');
  seed = importSeedOnce(store, readFileSync('resources/seed/harbin-visit.txt', 'utf8')) as number;
  ids = CORPUS.map(([title, text], i) =>
    store.articles.insert({
      uid: `library:test:${i}`,
      feedId: null,
      kind: 'saved',
      url: null,
      title,
      author: null,
      publishedAt: Date.UTC(2024, 4, 1 + i),
      contentHtml: `<p>${text}</p>`,
      text,
    }),
  );
});

describe('More like this (articles.related)', () => {
  it('puts the closest article first and leaves the article itself out', () => {
    const related = relatedArticles(store, seed);
    expect(related[0]?.id).toBe(ids[0]);
    expect(related[1]?.id).toBe(ids[1]);
    expect(related.map((a) => a.id)).not.toContain(seed);
    // Summaries as the article list has them.
    expect(related[0]).toMatchObject({ title: CORPUS[0]?.[0], kind: 'saved', feedId: null });
  });

  it('finds the seed for an article like it, and honours the limit', () => {
    const related = relatedArticles(store, ids[0] as number, 1);
    expect(related.map((a) => a.id)).toEqual([seed]);
  });

  it('does not offer the seed under an article on another subject', () => {
    const related = relatedArticles(store, ids[6] as number);
    expect(related.map((a) => a.id)).not.toContain(seed);
    expect(related.map((a) => a.id)).not.toContain(ids[6]);
  });

  it('quotes every term, so text never becomes query syntax', () => {
    // The query is built a few words at a time (rarest first), each word through anyOf.
    const words = articleTerms('NEAR("x" OR y) AND title:z*', 'column:filter NOT - ^ "quoted"');
    const match = anyOf(words.flatMap((t) => t.forms));
    expect(words.length).toBeGreaterThan(0);
    for (const part of match.split(' OR ')) expect(part).toMatch(/^"[^"]+"$/);
    expect(anyOf(['say "no"'])).toBe('"say ""no"""');
    // It runs: FTS5 accepts it.
    const id = store.articles.insert({
      uid: 'library:test:syntax',
      feedId: null,
      kind: 'saved',
      url: null,
      title: 'NEAR("x" OR y) AND title:z*',
      author: null,
      publishedAt: null,
      contentHtml: '<p>column:filter NOT - ^ "quoted"</p>',
      text: 'column:filter NOT - ^ "quoted"',
    });
    const alike = store.articles.insert({
      uid: 'library:test:alike',
      feedId: null,
      kind: 'saved',
      url: null,
      title: 'A quoted column',
      author: null,
      publishedAt: null,
      contentHtml: '<p>The quoted column filter.</p>',
      text: 'The quoted column filter.',
    });
    // The words are found as words: the article that shares them comes first.
    expect(relatedArticles(store, id)[0]?.id).toBe(alike);
  });

  it('is the Api method articles.related, NOT_FOUND for an unknown id', async () => {
    const api = relatedService(store);
    const related = await api['articles.related']({ id: seed, limit: 1 });
    expect(related.map((a) => a.id)).toEqual([ids[0]]);
    await expect(api['articles.related']({ id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
