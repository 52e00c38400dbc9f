/**
 * Bounded suggestion work (issue 11): "More like this" and related feeds stop when their budget
 * is spent and answer with what they have, never throw for it, run on a connection that cannot
 * write, keep whole answers per article until the library changes, and their statements use the
 * full-text index. A later call cancels an earlier one's budget.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { rawDatabase } from '../../src/main/core/storage/raw-database';
import { SUGGESTION_SQL } from '../../src/main/core/storage/suggestion-queries';
import { importSeedOnce } from '../../src/main/core/library/seed';
import { relatedArticles } from '../../src/main/core/library/related/related-articles';
import {
  prepareRelatedFeeds,
  relatedFeeds,
} from '../../src/main/core/library/related/related-feeds';
import { latestCall, relatedService } from '../../src/main/core/library/related/related-service';
import { discoverFeeds } from '../../src/main/core/feeds/discover';
import { startFixtureServer } from '../helpers/fixture-server';
import { loopbackNet } from '../helpers/net';
import { LibraryVocabulary, SAMPLE } from '../../src/main/core/library/related/library-vocabulary';
import { UNBOUNDED, timeBudget, type WorkBudget } from '../../src/main/core/library/work-budget';

/** Spent from the start, as when the reader has moved on before the work began. */
const CANCELLED: WorkBudget = { spent: () => true, cancelled: true };
/** Out of time from the start, not cancelled. */
const OUT_OF_TIME: WorkBudget = { spent: () => true, cancelled: false };

/** A budget that lasts `checks` calls of spent(), whatever the time: the work's steps, counted. */
function steps(checks: number): WorkBudget & { asked: number } {
  const budget = {
    asked: 0,
    cancelled: false,
    spent: () => budget.asked++ >= checks,
  };
  return budget;
}

/** Words for a generated library: a few subjects, each with its own words, over common ones. */
const COMMON = 'report market city plan group public local power water people money service';
const SUBJECTS = [
  'glacier meltwater fjord iceberg permafrost tundra',
  'sourdough starter levain crumb proofing flour',
  'telescope exoplanet nebula spectrograph redshift quasar',
  'penalty goalkeeper striker midfield referee offside',
];

let store: Store;
let seed: number;
let ids: number[];

/** Adds `count` articles of subject `s` (by index) to feed `feedId`; returns their ids. */
function addArticles(feedId: number | null, s: number, count: number, from = 0): number[] {
  const subject = (SUBJECTS[s] as string).split(' ');
  const common = COMMON.split(' ');
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const words = Array.from({ length: 60 }, (_, k) =>
      k % 3 === 0 ? subject[(n + k) % subject.length] : common[(n * 7 + k) % common.length],
    );
    const text = `${words.join(' ')}.`;
    return store.articles.insert({
      uid: `test:${s}:${n}:${feedId ?? 'saved'}`,
      feedId,
      kind: feedId === null ? 'saved' : 'feed',
      url: null,
      title: `${subject[n % subject.length]} ${subject[(n + 1) % subject.length]} ${n}`,
      author: null,
      publishedAt: Date.UTC(2024, 0, 1 + n),
      contentHtml: `<p>${text}</p>`,
      text,
    });
  });
}

/** Opens a fresh library (closing the last): the seed and 30 articles on each subject. */
function openLibrary(): void {
  (store as Store | undefined)?.close();
  store = Store.open(':memory:');
  seed = importSeedOnce(store, readFileSync('resources/seed/harbin-visit.txt', 'utf8')) as number;
  ids = SUBJECTS.flatMap((_, s) => addArticles(null, s, 30));
}

beforeEach(openLibrary);
afterEach(() => store.close());

describe('More like this within a budget', () => {
  it('answers a cancelled or spent budget at once, with nothing, and never throws', () => {
    expect(relatedArticles(store, ids[0] as number, 10, CANCELLED)).toEqual([]);
    expect(relatedArticles(store, ids[0] as number, 10, OUT_OF_TIME)).toEqual([]);
    // An unknown article is still NOT_FOUND: the budget does not hide errors.
    expect(() => relatedArticles(store, 9999, 10, CANCELLED)).toThrow(/no article 9999/);
  });

  it('gives the unbounded answer when the budget lasts', () => {
    const whole = relatedArticles(store, ids[0] as number, 10, UNBOUNDED).map((a) => a.id);
    // The same library in another store, with cold caches and a generous real budget.
    openLibrary();
    const timed = relatedArticles(store, ids[0] as number, 10, timeBudget(60_000));
    expect(timed.map((a) => a.id)).toEqual(whole);
    // All on the article's subject, the article itself left out.
    expect(whole).toHaveLength(10);
    expect(whole).not.toContain(ids[0]);
    for (const id of whole) expect(ids.slice(0, 30)).toContain(id);
  });

  it('stops between steps with the best so far, and does not keep a partial answer', () => {
    const id = ids[31] as number;
    const counting = steps(Infinity);
    const whole = relatedArticles(store, id, 10, counting).map((a) => a.id);
    expect(whole).toHaveLength(10);
    // Again with cold caches, told to stop before the last step: a ranking of fewer words.
    openLibrary();
    const budget = steps(counting.asked - 1);
    const partial = relatedArticles(store, id, 10, budget).map((a) => a.id);
    expect(budget.asked).toBe(counting.asked);
    // The rarest words come first, so the best so far is already on the subject.
    expect(partial).toHaveLength(10);
    for (const other of partial) expect(ids.slice(30, 60)).toContain(other);
    // The partial answer was not kept (a spent budget finds nothing), the whole one is.
    expect(relatedArticles(store, id, 10, OUT_OF_TIME)).toEqual([]);
    expect(relatedArticles(store, id, 10, UNBOUNDED).map((a) => a.id)).toEqual(whole);
    expect(relatedArticles(store, id, 10, OUT_OF_TIME).map((a) => a.id)).toEqual(whole);
  });

  it('keeps a whole answer for the article until the library or the article changes', () => {
    const id = ids[0] as number;
    const first = relatedArticles(store, id, 5, UNBOUNDED).map((a) => a.id);
    // Kept: a spent budget now answers in full, from the cache.
    expect(relatedArticles(store, id, 5, OUT_OF_TIME).map((a) => a.id)).toEqual(first);
    // A change of more than 1% of the library is enough: the kept answer is forgotten.
    addArticles(null, 0, 2, 500);
    expect(relatedArticles(store, id, 5, OUT_OF_TIME)).toEqual([]);
    relatedArticles(store, id, 5, UNBOUNDED);
    expect(relatedArticles(store, id, 5, OUT_OF_TIME)).toHaveLength(5);
    // So is a change to the article's own text (here, to another subject).
    rawDatabase(store)
      .prepare('UPDATE articles SET text = ?, title = ? WHERE id = ?')
      .run('telescope exoplanet nebula quasar redshift', 'Telescope news', id);
    const after = relatedArticles(store, id, 5, UNBOUNDED).map((a) => a.id);
    for (const other of after) expect(ids.slice(60, 90)).toContain(other);
  });
});

describe('Related feeds within a budget', () => {
  beforeEach(() => {
    for (let f = 0; f < 4; f++) {
      const feedId = store.feeds.insert({
        url: `https://feeds${f}.example.org/rss`,
        title: `Feed ${f}`,
        siteUrl: null,
        folder: null,
      });
      addArticles(feedId, f, 5, 100 * (f + 1));
    }
  });

  it('answers a cancelled budget with nothing and a spent one with the catalog alone', () => {
    expect(relatedFeeds(store, ids[0] as number, 10, [], CANCELLED)).toEqual([]);
    const quick = relatedFeeds(store, seed, 10, [], OUT_OF_TIME);
    expect(quick.length).toBeGreaterThan(0);
    expect(quick.every((f) => !f.subscribed)).toBe(true); // no subscription was read
    expect(() => relatedFeeds(store, 9999, 10, [], CANCELLED)).toThrow(/no article 9999/);
  });

  it('builds the subscriptions once: prepared, a spent budget ranks them too', () => {
    const whole = relatedFeeds(store, ids[0] as number, 10, [], UNBOUNDED);
    expect(whole[0]).toMatchObject({ url: 'https://feeds0.example.org/rss', subscribed: true });
    const other = Store.open(':memory:');
    try {
      expect(prepareRelatedFeeds(other, OUT_OF_TIME)).toBe(true); // nothing to build
    } finally {
      other.close();
    }
    expect(prepareRelatedFeeds(store, UNBOUNDED)).toBe(true);
    const fast = relatedFeeds(store, ids[1] as number, 10, [], OUT_OF_TIME);
    expect(fast[0]).toMatchObject({ url: 'https://feeds0.example.org/rss', subscribed: true });
  });
});

describe('the bounded reads', () => {
  it('run on a connection that cannot write', () => {
    rawDatabase(store).pragma('query_only = ON');
    expect(relatedArticles(store, ids[0] as number, 10, UNBOUNDED)).toHaveLength(10);
    expect(relatedFeeds(store, ids[0] as number, 10, [], UNBOUNDED).length).toBeGreaterThan(0);
    expect(() => addArticles(null, 0, 1, 900)).toThrow(/readonly|read-only|query_only/i);
  });

  it('read exact frequencies below the sample and estimate them above it', () => {
    addArticles(null, 1, 2 * SAMPLE, 1000);
    const vocabulary = new LibraryVocabulary(store.suggestions, store.suggestions.idRange());
    const exact = (word: string) =>
      rawDatabase(store)
        .prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`)
        .pluck()
        .get(`"${word}"`) as number;
    expect(exact('glacier')).toBeLessThan(SAMPLE);
    expect(vocabulary.df('glacier')).toBe(exact('glacier'));
    expect(exact('sourdough')).toBeGreaterThan(SAMPLE);
    const estimate = vocabulary.df('sourdough');
    expect(Math.abs(estimate - exact('sourdough'))).toBeLessThan(exact('sourdough') * 0.25);
    expect(estimate).toBeLessThanOrEqual(vocabulary.size);
    expect(vocabulary.df('absent')).toBe(0);
  });

  it('use the full-text index or the rowid, never a scan of the articles', () => {
    const plan = (sql: string, ...params: unknown[]) =>
      rawDatabase(store)
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail);
    const fts = /articles_fts VIRTUAL TABLE INDEX \d+:\w*M/;
    expect(plan(SUGGESTION_SQL.termSample, '"glacier"', SAMPLE).join('\n')).toMatch(fts);
    expect(plan(SUGGESTION_SQL.scores, '"glacier" OR "fjord"', 1).join('\n')).toMatch(fts);
    const range = plan(SUGGESTION_SQL.idRange);
    expect(range.filter((d) => d.startsWith('SEARCH articles'))).toHaveLength(2);
    for (const detail of [...range, ...plan(SUGGESTION_SQL.termSample, '"x"', 1)])
      expect(detail).not.toMatch(/^SCAN articles\b(?!_fts)/);
  });
});

const POLITICS =
  'Xi Jinping and Vladimir Putin met in Beijing: China and Russia deepen their partnership, ' +
  'trade and energy cooperation despite sanctions, and discuss Ukraine and Central Asia.';

describe('cancelling', () => {
  it('a later feeds.related cancels one still waiting for its article’s site', async () => {
    const server = await startFixtureServer();
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    server.route('/', async (_req, res) => {
      await held;
      res.writeHead(404).end();
    });
    try {
      const left = store.articles.insert({
        uid: 'test:left',
        feedId: null,
        kind: 'saved',
        url: server.url('/story.html'),
        title: 'Xi and Putin meet in Beijing',
        author: null,
        publishedAt: null,
        contentHtml: `<p>${POLITICS}</p>`,
        text: POLITICS,
      });
      const discover = (url: string) => discoverFeeds(url, loopbackNet());
      const api = relatedService(store, { discover, budgetMs: 10_000 });
      const first = api['feeds.related']({ articleId: left });
      // The reader moves on to the seed (no site to wait for): answered at once.
      expect((await api['feeds.related']({ articleId: seed })).length).toBeGreaterThan(0);
      release();
      // The article left gets nothing: its ranking was skipped, not computed and dropped.
      expect(await first).toEqual([]);
      expect((await api['feeds.related']({ articleId: left })).length).toBeGreaterThan(0);
    } finally {
      release();
      await server.close();
    }
  });

  it('latestCall cancels an earlier call once a later one begins', () => {
    const calls = latestCall();
    const first = calls.begin()();
    expect(first.spent()).toBe(false);
    const second = calls.begin()();
    expect(first.cancelled).toBe(true);
    expect(first.spent()).toBe(true);
    expect(second.spent()).toBe(false);
  });
});
