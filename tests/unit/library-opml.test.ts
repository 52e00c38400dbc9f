import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../src/main/core/events';
import { Refresher } from '../../src/main/core/library/refresh/refresher';
import { opmlService } from '../../src/main/core/library/subscriptions/opml';
import { parseOpml, parseOpmlInSteps } from '../../src/main/core/library/subscriptions/opml-parse';
import { Store } from '../../src/main/core/storage/store';
import type { FolioEvent } from '../../src/shared/contract';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server';
import { loopbackNet } from '../helpers/net';

const OPML = join(__dirname, '..', 'fixtures', 'opml');

/** An OPML fixture; its http://fixture.test URLs point at `origin` when one is given. */
function opml(name: string, origin?: string): string {
  const xml = readFileSync(join(OPML, name), 'utf8');
  return origin ? xml.replace(/http:\/\/fixture\.test/gi, origin) : xml;
}

/** The subscriptions as url -> [title, folder, siteUrl], for comparing. */
function subscriptions(store: Store): Record<string, [string, string | null, string | null]> {
  return Object.fromEntries(
    store.feeds.list().map((f) => [f.url, [f.title, f.folder, f.siteUrl] as const]),
  ) as Record<string, [string, string | null, string | null]>;
}

describe('reading OPML as exporters write it (pure)', () => {
  it('maps Feedly-like nested categories to folders, deeper ones joined with " / "', () => {
    const { feeds } = parseOpml(opml('feedly-nested-categories.opml'));
    expect(feeds.map((f) => [f.title, f.folder])).toEqual([
      ['Basic News', 'Tech'],
      ['Atom Notes', 'Tech'],
      ['JSON Daily', 'World'],
      ['RDF Wire', 'World / Asia'],
      ['Podcast', null],
    ]);
    expect(feeds[0]!.siteUrl).toBe('http://example.com/');
  });

  it('reads NetNewsWire files (OPML 1.1, tabs, a comment before the root)', () => {
    const { feeds } = parseOpml(opml('netnewswire.opml'));
    expect(feeds.map((f) => [f.title, f.folder])).toEqual([
      ['Daring Basic', null],
      ['Atom Notes', 'Reading'],
      ['Gone Feed', 'Reading'],
    ]);
  });

  it('reads Inoreader-like outlines without htmlUrl', () => {
    const { feeds } = parseOpml(opml('inoreader-no-htmlurl.opml'));
    expect(feeds).toHaveLength(3);
    expect(feeds.every((f) => f.siteUrl === null)).toBe(true);
  });

  it('decodes entities, keeps a bare & in a URL, reads xmlUrl in any case, lists non-http URLs', () => {
    const doc = parseOpml(opml('escaped-characters.opml'));
    expect(doc.feeds).toEqual([
      {
        url: 'http://fixture.test/feeds/rss-2.0-basic.xml?section=a&lang=en',
        title: 'Café <Notes> "daily"',
        siteUrl: 'http://example.com/?a=1&b=2',
        folder: 'Science & Nature',
      },
      {
        url: 'http://fixture.test/feeds/atom-1.0-basic.xml?x=1&y=2',
        title: 'Only a title',
        siteUrl: null,
        folder: 'Science & Nature',
      },
      {
        url: 'http://fixture.test/feeds/json-feed-1.0.json',
        title: 'Lower case',
        siteUrl: null,
        folder: 'Science & Nature',
      },
    ]);
    expect(doc.invalid).toEqual([
      { url: 'feed://example.com/rss', message: 'Not an http(s) feed address.' },
    ]);
  });

  it('refuses a truncated file with a clear error, naming the line', () => {
    expect(() => parseOpml(opml('malformed-truncated.opml'))).toThrow(
      expect.objectContaining({
        code: 'PARSE_FAILED',
        message: expect.stringMatching(/cut short or broken.*line 7/),
      }),
    );
  });

  it('refuses what is not OPML', () => {
    expect(() => parseOpml('<html><body>hello</body></html>')).toThrow(/not an OPML file/);
    expect(() => parseOpml('just text')).toThrow(/no OPML/);
  });
});

describe('a list of many thousand feeds', () => {
  /** A list of `n` feeds in 100 folders, one outline per line. */
  const bigList = (n: number, tail = '</body></opml>') =>
    `<?xml version="1.0"?>\n<opml version="2.0"><body>\n` +
    Array.from({ length: 100 }, (_, f) =>
      [
        `<outline text="Folder ${f}">`,
        ...Array.from(
          { length: n / 100 },
          (_, i) => `<outline text="Feed ${f}-${i}" xmlUrl="https://f${f}.example/${i}.xml"/>`,
        ),
        '</outline>',
      ].join('\n'),
    ).join('\n') +
    `\n${tail}`;

  it('is read in steps exactly as in one go, with the event loop turning between them', async () => {
    const xml = bigList(20_000);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const stepped = await parseOpmlInSteps(xml);
    clearInterval(ticking);
    expect(stepped).toEqual(parseOpml(xml));
    expect(stepped.feeds).toHaveLength(20_000);
    expect(stepped.feeds.at(-1)).toMatchObject({ title: 'Feed 99-199', folder: 'Folder 99' });
    expect(turns).toBeGreaterThan(0);
  });

  it('names the line of an outline never closed, read in steps or not', async () => {
    // The last folder (opened on line 2 + 99 * 202 + 1) loses its closing tag.
    const xml = bigList(20_000).replace(/<\/outline>\n<\/body>/, '</body>');
    const line = 2 + 99 * 202 + 1;
    expect(() => parseOpml(xml)).toThrow(`opened on line ${line} is never closed`);
    await expect(parseOpmlInSteps(xml)).rejects.toThrow(`opened on line ${line} is never closed`);
  });
});

describe('feeds.importOpml and feeds.exportOpml', () => {
  let server: FixtureServer;
  let store: Store;
  let seen: FolioEvent[];
  let api: ReturnType<typeof opmlService>;

  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    store = Store.open(':memory:');
    const events = new EventHub();
    seen = [];
    events.on((e) => seen.push(e));
    api = opmlService({
      store,
      events,
      refresher: new Refresher({ store, events, net: loopbackNet() }),
    });
  });

  it('stores the list with folders at once, then fetches each feed with progress events', async () => {
    const result = await api['feeds.importOpml']({
      xml: opml('feedly-nested-categories.opml', server.origin),
    });
    expect(result).toEqual({ added: 5, skipped: 0, errors: [] });
    const feeds = store.feeds.list();
    expect(feeds.map((f) => f.folder ?? '').sort()).toEqual([
      '',
      'Tech',
      'Tech',
      'World',
      'World / Asia',
    ]);
    expect(feeds.every((f) => f.lastFetchedAt !== null && f.unreadCount > 0)).toBe(true);

    // The list was announced before any fetch finished, then progress came as feeds were
    // fetched: at most one event per 100 ms (one per feed flooded the window on a 100,000-feed
    // list), always the first and the last.
    const types = seen.map((e) => e.type);
    expect(types.indexOf('feeds.changed')).toBeLessThan(types.indexOf('import'));
    const progress = seen.flatMap((e) => (e.type === 'import' ? [e.data] : []));
    expect(progress[0]).toEqual({ done: 0, total: 5 });
    expect(progress.at(-1)).toEqual({ done: 5, total: 5 });
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBe(done.length);
  });

  it('keeps feeds whose fetch failed, with their error, and lists them at the end', async () => {
    const nnw = await api['feeds.importOpml']({ xml: opml('netnewswire.opml', server.origin) });
    expect(nnw.added).toBe(3);
    expect(nnw.errors).toEqual([
      {
        url: server.url('/feeds/no-such-feed.xml'),
        message: expect.stringContaining('404'),
      },
    ]);
    const ino = await api['feeds.importOpml']({
      xml: opml('inoreader-no-htmlurl.opml', server.origin),
    });
    // Basic News came with NetNewsWire's file already.
    expect(ino).toMatchObject({ added: 2, skipped: 1 });
    expect(ino.errors).toEqual([
      { url: server.url('/feeds/html-page-not-a-feed.html'), message: expect.any(String) },
    ]);
    const gone = store.feeds.byUrl(server.url('/feeds/no-such-feed.xml'));
    expect(gone?.lastError).toContain('404');
  });

  it('skips duplicates in the file and feeds already followed; lists non-http URLs', async () => {
    const first = await api['feeds.importOpml']({ xml: opml('duplicates.opml', server.origin) });
    expect(first).toEqual({ added: 3, skipped: 2, errors: [] });
    // The first occurrence wins: its title and folder are kept.
    expect(store.feeds.byUrl(server.url('/feeds/rss-2.0-basic.xml'))?.folder).toBe('Tech');
    const again = await api['feeds.importOpml']({ xml: opml('duplicates.opml', server.origin) });
    expect(again).toEqual({ added: 0, skipped: 5, errors: [] });

    const escaped = await api['feeds.importOpml']({
      xml: opml('escaped-characters.opml', server.origin),
    });
    expect(escaped.added).toBe(3);
    expect(escaped.errors).toEqual([
      { url: 'feed://example.com/rss', message: 'Not an http(s) feed address.' },
    ]);
  });

  it('stores nothing from a broken file', async () => {
    await expect(
      api['feeds.importOpml']({ xml: opml('malformed-truncated.opml', server.origin) }),
    ).rejects.toMatchObject({ code: 'PARSE_FAILED' });
    expect(store.feeds.list()).toEqual([]);
  });

  it('exports OPML 2.0 with folders that imports back to the same subscriptions', async () => {
    await api['feeds.importOpml']({ xml: opml('feedly-nested-categories.opml', server.origin) });
    await api['feeds.importOpml']({ xml: opml('escaped-characters.opml', server.origin) });
    // Names with characters that need escaping, and one the user gave.
    const some = store.feeds.list()[0]!;
    store.feeds.update(some.id, { title: 'Mine & "yours" <3' });
    const before = subscriptions(store);

    const { xml } = await api['feeds.exportOpml']({});
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(parseOpml(xml).feeds).toHaveLength(Object.keys(before).length);

    const other = Store.open(':memory:');
    const events = new EventHub();
    const back = opmlService({
      store: other,
      events,
      refresher: new Refresher({ store: other, events, net: loopbackNet() }),
    });
    // Compared before the fetches rename feeds after their own titles: what the file carried.
    const imported = parseOpml(xml).feeds.map((f) => [f.url, [f.title, f.folder, f.siteUrl]]);
    expect(Object.fromEntries(imported)).toEqual(before);
    const result = await back['feeds.importOpml']({ xml });
    expect(result).toMatchObject({ added: Object.keys(before).length, skipped: 0 });
    expect(Object.keys(subscriptions(other)).sort()).toEqual(Object.keys(before).sort());
    expect(
      Object.values(subscriptions(other))
        .map((s) => s[1])
        .sort(),
    ).toEqual(
      Object.values(before)
        .map((s) => s[1])
        .sort(),
    );
  });
});
