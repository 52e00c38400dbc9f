import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/storage/store';
import { searchArticles, toMatchExpression } from '../../src/main/core/library/search';

/** A corpus big enough that bm25 weighs terms sensibly (it is ≈0 for a term in half of a tiny one). */
const CORPUS: [string, string][] = [
  [
    'Harbin Ice Festival opens',
    'The annual ice and snow festival in Harbin draws visitors from across China and Russia to the banks of the Songhua river.',
  ],
  [
    'Trade on the Amur',
    'Cross-border trade between Blagoveshchensk and Heihe grew as a new bridge over the Amur opened to lorries.',
  ],
  [
    'Railways of Manchuria',
    'The Chinese Eastern Railway shaped the city: Harbin was founded in 1898 as a railway town by Russian engineers.',
  ],
  [
    'Sourdough at home',
    'A starter needs flour, water and patience; feed it daily and keep it somewhere warm for a week.',
  ],
  [
    'Why bread rises',
    'Yeast ferments sugars into carbon dioxide, and gluten traps the gas so the dough rises in the oven.',
  ],
  [
    'Electric buses in Shenzhen',
    'Shenzhen replaced its whole bus fleet with electric buses, cutting noise and diesel fumes downtown.',
  ],
  [
    'Battery recycling',
    'Old lithium batteries are shredded and their cobalt and nickel recovered for new cells.',
  ],
  [
    'A walk in the Alps',
    'Marked trails climb from the valley to huts where hikers stay the night before crossing the pass.',
  ],
  [
    'Glaciers retreat',
    'Measurements show Alpine glaciers lost a tenth of their volume in two hot summers.',
  ],
  [
    'Chess openings for beginners',
    'Control the centre, develop knights before bishops, and castle early to keep the king safe.',
  ],
  [
    'The endgame matters',
    'Many games are decided by a single pawn: learn the basic king and pawn endings first.',
  ],
  [
    'Tea culture in Yunnan',
    'Pu-erh tea from Yunnan is pressed into cakes and aged for years in dry storehouses.',
  ],
  [
    'Coffee prices climb',
    'Drought in Brazil pushed arabica prices to a record, and roasters passed the cost to cafés.',
  ],
  [
    'Learning Russian',
    'Cases are the hard part: nouns change their endings depending on their role in the sentence.',
  ],
  [
    'Night trains return',
    'Sleeper services between Vienna, Berlin and Paris came back as travellers looked for alternatives to flying.',
  ],
  [
    'Solar on rooftops',
    'Households installed rooftop panels in record numbers, and the grid had to adapt to midday surpluses.',
  ],
  [
    'Fermented vegetables',
    'Kimchi and sauerkraut are made the same way: salt draws out water and lactic bacteria do the rest.',
  ],
  [
    'The ports of the Baltic',
    'Gdańsk and Klaipėda handle more containers each year as shipping routes shift north.',
  ],
  [
    'Birdwatching in winter',
    'Feeders attract tits and finches; a notebook and binoculars are all you need to start.',
  ],
  [
    'Old maps of Asia',
    'Early European maps placed rivers and mountains of Asia by hearsay, often hundreds of kilometres off.',
  ],
  [
    'Silk Road caravans',
    'Merchants carried silk west and silver east, stopping at oasis towns along the desert route.',
  ],
  [
    'Writing clear code',
    'Small functions with honest names are easier to read than clever ones with comments explaining them.',
  ],
  [
    'SQLite in production',
    'A single file database serves many desktop apps well, with write-ahead logging for concurrent readers.',
  ],
  [
    'Full-text search explained',
    'An inverted index maps each word to the documents containing it; ranking weighs rare words higher.',
  ],
  [
    'Typography for reading',
    'Line length of sixty to seventy characters and generous leading make long articles comfortable.',
  ],
  [
    'Dark mode done right',
    'Pure black backgrounds strain the eyes; dark grey with softened text contrast reads better at night.',
  ],
  [
    'Cycling in Copenhagen',
    'Wide separated lanes and green waves of traffic lights make cycling the fastest way across the city.',
  ],
  [
    'Honey from the city',
    'Urban beekeepers on rooftops report bees thrive on the variety of flowers in parks and balconies.',
  ],
  [
    'Volcanoes of Kamchatka',
    'More than a hundred volcanoes line the peninsula, and several erupt every year.',
  ],
  [
    'Ancient Greek theatre',
    'Plays were staged in open-air theatres whose acoustics carried a whisper to the top row.',
  ],
  [
    'Поездка в Харбин',
    'Харбин встретил нас морозом: на улице Китайской стояли ледяные скульптуры, а в соборе Святой Софии шла выставка.',
  ],
  ['Ёлки на площади', 'В декабре на площади поставили ёлку, и горожане пришли смотреть на огни.'],
  [
    'Η Αθήνα το καλοκαίρι',
    'Η Ακρόπολη γεμίζει επισκέπτες κάθε καλοκαίρι, και η ζέστη φτάνει τους σαράντα βαθμούς.',
  ],
  ['哈尔滨冰雪节', '哈尔滨 冰雪大世界 每年 一月 开幕'],
  [
    'Markup in text',
    'Some authors write <b>tags</b> & "quotes" about Harbin in plain text, which must stay text.',
  ],
];

describe('searchArticles', () => {
  let store: Store;
  const ids = new Map<string, number>();
  beforeAll(() => {
    store = Store.open(':memory:');
    CORPUS.forEach(([title, text], i) => {
      const id = store.articles.insert({
        uid: `library:s${i}`,
        feedId: null,
        kind: 'saved',
        url: null,
        title,
        author: null,
        publishedAt: Date.UTC(2026, 0, 1) + i * 60_000,
        contentHtml: `<p>${text}</p>`,
        text,
      });
      ids.set(title, id);
    });
  });

  const titles = (query: string, limit?: number) =>
    searchArticles(store, { query, limit }).map((hit) => hit.title);

  it('ranks a title match above a mention in the text', () => {
    const found = titles('Harbin');
    expect(found[0]).toBe('Harbin Ice Festival opens');
    expect(found).toContain('Railways of Manchuria');
    expect(found).toContain('Markup in text');
  });

  it('ANDs the words and matches the last one as a prefix', () => {
    expect(titles('railway harb')).toEqual(['Railways of Manchuria']);
    expect(titles('sourdo')).toEqual(['Sourdough at home']);
    expect(titles('glaciers bread')).toEqual([]);
  });

  it('finds Russian words whatever their case', () => {
    expect(titles('Харбин')).toEqual(['Поездка в Харбин']);
    expect(titles('харбин')).toEqual(['Поездка в Харбин']);
    expect(titles('СОБОРЕ')).toEqual(['Поездка в Харбин']);
  });

  it('folds Greek and Cyrillic case, but not their accents: ё ≠ е, ό ≠ ο (unicode61)', () => {
    expect(titles('ΑΚΡΌΠΟΛΗ')).toEqual(['Η Αθήνα το καλοκαίρι']);
    expect(titles('ακροπολη')).toEqual([]);
    expect(titles('ЁЛКУ')).toEqual(['Ёлки на площади']);
    expect(titles('елку')).toEqual([]);
  });

  it('finds CJK only as whole space-separated runs or their beginning (unicode61)', () => {
    expect(titles('哈尔滨')).toEqual(['哈尔滨冰雪节']);
    expect(titles('冰雪')).toEqual(['哈尔滨冰雪节']);
  });

  it('never passes query syntax to FTS5', () => {
    for (const query of [
      '"',
      'AND (',
      'title:x',
      'NEAR(a b)',
      '*',
      'a OR',
      '^bread',
      "'; DROP TABLE articles; --",
      ')))',
    ]) {
      // Read as its words alone: the syntax changes nothing, and a query of syntax alone is empty.
      const words = query.match(/[\p{L}\p{N}]+/gu)?.join(' ');
      const alone = words ? searchArticles(store, { query: words }) : [];
      expect(searchArticles(store, { query })).toEqual(alone);
    }
    expect(titles('title:bread')).toEqual([]);
    expect(titles('bread OR')).toEqual([]);
    expect(titles('"sourdough"')).toEqual(['Sourdough at home']);
    expect(toMatchExpression('title:x AND (y')).toBe('"title" "x" "AND" "y"*');
    expect(toMatchExpression('" * ( )')).toBeNull();
  });

  it('marks the matches in an escaped snippet', () => {
    const [hit] = searchArticles(store, { query: 'quotes' });
    expect(hit).toMatchObject({ kind: 'article', articleId: ids.get('Markup in text') });
    expect(hit?.snippet).toContain('&lt;b&gt;tags&lt;/b&gt; &amp; &quot;<mark>quotes</mark>&quot;');
    expect(hit?.snippet).not.toMatch(/<b>/);
  });

  it('respects the limit', () => {
    expect(titles('the', 3)).toHaveLength(3);
  });

  it('returns nothing for a query without words', () => {
    expect(searchArticles(store, { query: '  ?! ' })).toEqual([]);
  });
});
