import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { importSeedOnce, parseSeed } from '../../src/main/core/library/seed';
import { relatedFeeds } from '../../src/main/core/library/related/related-feeds';
import { relatedService } from '../../src/main/core/library/related/related-service';
import { catalogEntries, catalogSchema } from '../../src/main/core/library/related/feed-catalog';
import { TOPIC_IDS } from '../../src/main/core/library/related/feed-topics';
import { canonicalFeedUrl } from '../../src/main/core/library/related/related-urls';
import { guessLanguage, tokenize } from '../../src/main/core/library/related/terms';
import type { RelatedFeed } from '../../src/shared/model';

const catalog = catalogEntries();
const topicsByUrl = new Map(catalog.map((e) => [canonicalFeedUrl(e.feedUrl), e.topics]));
const topicsOf = (feed: RelatedFeed): readonly string[] =>
  topicsByUrl.get(canonicalFeedUrl(feed.url)) ?? [];

/** What "about Russia, China, Asia or geopolitics" means for the seed's suggestions. */
const SEED_TOPICS = ['russia', 'china', 'asia', 'east-asia', 'central-asia', 'geopolitics'];

let store: Store;

function addLibraryArticle(file: string, extra: { url?: string; html?: string } = {}): number {
  const article = parseSeed(readFileSync(`tests/fixtures/articles/${file}`, 'utf8'));
  return store.articles.insert({
    uid: `library:test:${file}`,
    feedId: null,
    kind: 'saved',
    url: extra.url ?? null,
    title: article.title,
    author: null,
    publishedAt: null,
    contentHtml: article.html + (extra.html ?? ''),
    text: article.text,
  });
}

function addFeed(url: string, title: string, articles: [string, string][]): number {
  const feedId = store.feeds.insert({ url, title, siteUrl: null, folder: null });
  articles.forEach(([articleTitle, text], i) =>
    store.articles.insert({
      uid: `${feedId}:${i}`,
      feedId,
      kind: 'feed',
      url: null,
      title: articleTitle,
      author: null,
      publishedAt: Date.UTC(2024, 4, 10 + i),
      contentHtml: `<p>${text}</p>`,
      text,
    }),
  );
  return feedId;
}

function seedId(): number {
  return importSeedOnce(store, readFileSync('resources/seed/harbin-visit.txt', 'utf8')) as number;
}

beforeEach(() => {
  store = Store.open(':memory:');
});

describe('the feed catalog (resources/catalog/feeds.json)', () => {
  const raw = JSON.parse(readFileSync('resources/catalog/feeds.json', 'utf8')) as unknown;

  it('matches the schema: https URLs, topics from the vocabulary, ISO 639-1 languages', () => {
    const parsed = catalogSchema.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
  });

  it('holds at least 150 feeds, none twice', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(150);
    const urls = catalog.map((e) => canonicalFeedUrl(e.feedUrl));
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('covers Russia, China and Asia, business, science and technology, in several languages', () => {
    const count = (topic: string) =>
      catalog.filter((e) => e.topics.includes(topic as never)).length;
    for (const topic of [
      'russia',
      'china',
      'asia',
      'geopolitics',
      'business',
      'science',
      'technology',
    ]) {
      expect(count(topic), topic).toBeGreaterThanOrEqual(10);
    }
    const languages = new Set(catalog.map((e) => e.language));
    for (const lang of ['en', 'ru', 'zh', 'de', 'fr', 'es']) expect(languages).toContain(lang);
    expect(TOPIC_IDS).toContain('central-asia');
  });
});

describe('the words of an article', () => {
  it('drops stop words, bare numbers and English plurals, keeping "era" and names', () => {
    expect(
      tokenize("Putin's 2024 visit: a new era in Sino-Russian relations and alliances"),
    ).toEqual(['putin', 'visit', 'era', 'sino', 'russian', 'relation', 'alliance']);
  });

  it('guesses the language, so feeds the reader can read come first', () => {
    expect(guessLanguage('The visit comes at a time when both of the leaders are in Asia.')).toBe(
      'en',
    );
    expect(
      guessLanguage(
        'Der Besuch ist ein Zeichen für die engen Beziehungen mit China und nicht nur das.',
      ),
    ).toBe('de');
    expect(guessLanguage('Путин прибыл в Харбин, и это не только визит вежливости.')).toBe('ru');
    expect(guessLanguage('普京访问哈尔滨')).toBe('zh');
  });
});

describe('related feeds, offline, from the catalog alone', () => {
  it('suggests feeds about Russia, China, Asia or geopolitics for the seed', () => {
    const related = relatedFeeds(store, seedId());
    expect(related.length).toBe(10);
    for (const feed of related.slice(0, 5)) {
      expect(
        topicsOf(feed).filter((t) => SEED_TOPICS.includes(t)),
        feed.title,
      ).not.toEqual([]);
    }
    // Best first, scores in 0–1, every reason a sentence; nothing subscribed yet.
    const scores = related.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s > 0 && s <= 1)).toBe(true);
    expect(related.every((f) => f.reason.length > 5 && !f.subscribed)).toBe(true);
    expect(related[0]?.reason).toMatch(/Russia|China/);
  });

  it('suggests technology feeds for a technology article', () => {
    const related = relatedFeeds(store, addLibraryArticle('technology-risc-v-laptop-chip.txt'));
    for (const feed of related.slice(0, 5)) {
      expect(
        topicsOf(feed).filter((t) => ['technology', 'software'].includes(t)),
        feed.title,
      ).not.toEqual([]);
    }
    expect(related.slice(0, 5).some((f) => topicsOf(f).includes('russia'))).toBe(false);
  });

  it('suggests science feeds for a science article', () => {
    const related = relatedFeeds(
      store,
      addLibraryArticle('science-telescope-exoplanet-atmosphere.txt'),
    );
    for (const feed of related.slice(0, 5)) {
      expect(
        topicsOf(feed).filter((t) => ['science', 'space'].includes(t)),
        feed.title,
      ).not.toEqual([]);
    }
  });

  it('gives the three articles different suggestions', () => {
    const tops = [
      seedId(),
      addLibraryArticle('technology-risc-v-laptop-chip.txt'),
      addLibraryArticle('science-telescope-exoplanet-atmosphere.txt'),
    ].map((id) =>
      relatedFeeds(store, id)
        .slice(0, 5)
        .map((f) => f.url),
    );
    const [seed, tech, science] = tops as [string[], string[], string[]];
    expect(seed.filter((url) => tech.includes(url) || science.includes(url))).toEqual([]);
    expect(tech.filter((url) => science.includes(url))).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown article', () => {
    expect(() => relatedFeeds(store, 999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('related feeds and the subscriptions', () => {
  it('marks a catalog feed already followed as subscribed, under its subscribed URL', () => {
    // The same feed as the catalog's, spelled with http, "www." and a trailing slash.
    const url = 'http://www.theguardian.com/world/russia/rss/';
    addFeed(url, 'Russia | The Guardian', [
      [
        'Putin and Xi pledge closer ties',
        'Vladimir Putin met Xi Jinping in Beijing as Russia and China deepened their strategic partnership.',
      ],
      [
        'Sanctions push Russia east',
        'Russian trade with China reached a record as western sanctions closed European markets.',
      ],
    ]);
    const related = relatedFeeds(store, seedId());
    const guardian = related.find((f) => f.url === url);
    expect(guardian).toMatchObject({ subscribed: true });
    expect(related.filter((f) => f.subscribed)).toHaveLength(1);
    // Feeds on the same subjects are offered as like it.
    expect(related.map((f) => f.reason)).toContain('Like your feed Russia | The Guardian');
    // The catalog's spelling of the same feed is not suggested beside it.
    expect(related.some((f) => f.url === 'https://www.theguardian.com/world/russia/rss')).toBe(
      false,
    );
  });

  it('ranks a subscription outside the catalog by its recent articles', () => {
    addFeed('https://harbin-notes.example/feed.xml', 'Harbin Notes', [
      [
        'Harbin welcomes Russian delegation',
        'The Russia-China Expo in Harbin drew trade delegations from Moscow and Beijing.',
      ],
      [
        'Little Moscow on the Songhua',
        'Harbin keeps its Russian architecture and its ties with Russia.',
      ],
    ]);
    addFeed('https://sourdough.example/feed.xml', 'Sourdough Diary', [
      [
        'Feeding a starter',
        'Flour, water and patience: a starter bubbles after a week somewhere warm.',
      ],
    ]);
    const related = relatedFeeds(store, seedId());
    const notes = related.find((f) => f.title === 'Harbin Notes');
    expect(notes).toMatchObject({ subscribed: true, reason: expect.stringMatching(/harbin/i) });
    expect(related.some((f) => f.title === 'Sourdough Diary')).toBe(false);
  });

  it('puts the feeds of the article’s own site first, but not the feed it came from', () => {
    const feedId = addFeed('https://www.themoscowtimes.com/rss/news', 'The Moscow Times', []);
    const articleId = store.articles.insert({
      uid: `${feedId}:harbin`,
      feedId,
      kind: 'feed',
      url: 'https://www.themoscowtimes.com/2024/05/17/putin-visits-harbin-a1',
      title: 'Putin visits Harbin',
      author: null,
      publishedAt: null,
      contentHtml: '<p>Putin toured Harbin.</p>',
      text: 'Putin toured Harbin, the Chinese city known as Little Moscow, after talks with Xi.',
    });
    const related = relatedFeeds(store, articleId);
    expect(related.some((f) => f.url.includes('themoscowtimes.com'))).toBe(false);

    const saved = addLibraryArticle('technology-risc-v-laptop-chip.txt', {
      url: 'https://arstechnica.com/gadgets/2024/05/risc-v-laptop/',
    });
    const forSaved = relatedFeeds(store, saved);
    expect(forSaved[0]).toMatchObject({
      title: expect.stringMatching(/^Ars Technica/),
      reason: 'The site of this article',
    });
  });

  it('suggests the feeds of the sites an article links to', () => {
    const id = addLibraryArticle('science-telescope-exoplanet-atmosphere.txt', {
      url: 'https://blog.example.net/webb',
      html: '<p>Via <a href="https://www.scmp.com/news/china/science/article/3001">the SCMP</a> and <a href="https://meduza.io/en/feature/2024/05/17/x">Meduza</a>.</p>',
    });
    const related = relatedFeeds(store, id, 40);
    const linked = related.filter((f) => f.reason === 'Linked from this article').map((f) => f.url);
    expect(linked).toContain('https://meduza.io/rss/en/all');
    expect(linked.some((url) => url.startsWith('https://www.scmp.com/rss/'))).toBe(true);
  });

  it('is the Api method feeds.related', async () => {
    const api = relatedService(store);
    const related = await api['feeds.related']({ articleId: seedId() });
    expect(related[0]).toEqual({
      url: expect.stringMatching(/^https:\/\//),
      title: expect.any(String),
      reason: expect.any(String),
      score: expect.any(Number),
      subscribed: false,
    });
  });
});
