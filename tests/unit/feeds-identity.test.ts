// Article identity (docs/technotes/article-identity.md): stable across refreshes when items are
// reordered, tracking parameters change or an item is edited; unique within one document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignIdentities } from '../../src/main/core/feeds/identity';
import { feedFromBytes } from '../../src/main/core/feeds/pipeline';

const NOW = Date.UTC(2024, 5, 1);
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const identities = async (xml: string) =>
  (
    await feedFromBytes(
      new TextEncoder().encode(xml),
      { url: 'https://feeds.example.com/feed.xml', contentType: null },
      NOW,
    )
  ).items.map((i) => i.identity);

/** Returns the document with its <item> elements in reverse order. */
function reverseItems(xml: string): string {
  const items = xml.match(/<item>[\s\S]*?<\/item>/g)!;
  let i = items.length;
  return xml.replace(/<item>[\s\S]*?<\/item>/g, () => items[--i]!);
}

describe('article identity', () => {
  it('uses the guid, and keeps it when items are reordered or edited', async () => {
    const xml = fixture('rss-2.0-basic.xml');
    const first = await identities(xml);
    expect(first).toEqual(['guid:https://news.example.com/2024/05/first', 'guid:news-2']);
    expect(await identities(reverseItems(xml))).toEqual([...first].reverse());
    expect(await identities(xml.replace('The second story.', 'The second story, edited.'))).toEqual(
      first,
    );
  });

  it('falls back to the link, without tracking parameters, when guids are missing', async () => {
    const xml = fixture('rss-missing-guids.xml');
    const first = await identities(xml);
    expect(first.slice(0, 2)).toEqual([
      'link:https://noguid.example.com/a',
      'link:https://noguid.example.com/b',
    ]);
    // Next refresh: another campaign in the link, items reordered.
    const next = reverseItems(
      xml.replace('utm_source=rss&amp;utm_medium=feed', 'utm_source=twitter'),
    );
    expect(await identities(next)).toEqual([...first].reverse());
  });

  it('hashes title, date and text when there is neither guid nor link', async () => {
    const [, , third] = await identities(fixture('rss-missing-guids.xml'));
    expect(third).toMatch(/^hash:[0-9a-f]{20}$/);
  });

  it('does not trust a guid repeated on every item (one guid for the whole channel)', async () => {
    const ids = await identities(fixture('rss-repeated-guid.xml'));
    expect(ids[0]).toBe('link:https://sameguid.example.com/one');
    expect(ids[1]).toBe('link:https://sameguid.example.com/two');
    // Two identical items without links: one hash, told apart by a suffix.
    expect(ids[2]).toMatch(/^hash:/);
    expect(ids[3]).toBe(`${ids[2]}#2`);
    expect(new Set(ids).size).toBe(4);
  });

  it('strips Feedburner tracking parameters from URL guids, keeps real ones (?id=7, ?p=123)', async () => {
    const xml = fixture('rss-guid-with-tracking-params.xml');
    const [id] = await identities(xml);
    expect(id).toBe('guid:https://tracked.example.com/story?id=7');
    const retagged = xml.replace(
      'utm_campaign=Feed%3A+tracked',
      'utm_campaign=Other&amp;gclid=abc',
    );
    expect(await identities(retagged)).toEqual([id]);
  });

  it('reads the original link behind Feedburner redirects, tracking stripped for identity only', async () => {
    const feed = await feedFromBytes(
      new TextEncoder().encode(fixture('rss-guid-with-tracking-params.xml')),
      { url: 'https://feeds.example.com/feed.xml', contentType: null },
      NOW,
    );
    expect(feed.items[0]!.url).toBe('https://tracked.example.com/story?id=7&fbclid=IwAR0xyz');
  });

  it('is deterministic for the same input', () => {
    const input = [{ guid: null, url: null, title: 'T', date: null, text: 'same' }];
    expect(assignIdentities(input)).toEqual(assignIdentities(input));
  });
});
