// normalizeFeed and the whole feedFromBytes pipeline (decode -> parse -> normalize -> sanitize)
// on the fixtures of tests/fixtures/feeds/. Real parts throughout: the real sanitizer too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeFeed } from '../../src/main/core/feeds/normalize';
import { feedFromBytes } from '../../src/main/core/feeds/pipeline';
import type { ParsedItem } from '../../src/main/core/feeds/types';

const NOW = Date.UTC(2024, 5, 1);
const FEED_URL = 'https://feeds.example.com/path/feed.xml';
const bytesOf = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url)));
const load = (name: string, contentType: string | null = null) =>
  feedFromBytes(bytesOf(name), { url: FEED_URL, contentType }, NOW);

describe('feedFromBytes', () => {
  it('normalizes RSS 2.0: absolute URLs in the HTML, author name, dates, text, hash', async () => {
    const feed = await load('rss-2.0-basic.xml');
    expect(feed).toMatchObject({ format: 'rss', title: 'Example News', ttlMinutes: 60 });
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      identity: 'guid:https://news.example.com/2024/05/first',
      url: 'https://news.example.com/2024/05/first',
      author: 'Ann Editor',
      publishedAt: Date.UTC(2024, 4, 16, 10),
      categories: ['World', 'Asia'],
      text: 'The first story, with a relative link.',
    });
    // Relative URLs in a description resolve against the feed's URL.
    expect(first!.contentHtml).toContain('href="https://feeds.example.com/about"');
    expect(first!.contentHash).toMatch(/^[0-9a-f]{40}$/);
    expect(second!.publishedAt).toBe(Date.UTC(2024, 4, 16, 10, 30));
  });

  it('gives an item without a title the first words of its text (RSS 0.92)', async () => {
    const item = (await load('rss-0.92.xml')).items[0]!;
    expect(item.title).toBe("It's been a few days since I added a song…");
    expect(item.url).toBeNull();
  });

  it('resolves links, enclosures and href/src/srcset/poster against xml:base, entry first', async () => {
    const [first, second] = (await load('atom-xml-base-relative-links.xml')).items;
    expect(first!.url).toBe('https://example.org/blog/posts/first.html');
    expect(first!.enclosures[0]!.url).toBe('https://example.org/blog/media/talk.mp3');
    expect(first!.contentHtml).toContain('href="https://example.org/blog/posts/second.html"');
    expect(first!.contentHtml).toContain('src="https://example.org/img/a.png"');
    expect(first!.contentHtml).toContain('srcset="https://example.org/blog/posts/a-2x.png 2x"');
    expect(first!.contentHtml).toContain('poster="https://example.org/blog/posts/poster.jpg"');
    expect(second!.url).toBe('https://example.org/blog/other.html');
    expect(second!.contentHtml).toContain('href="https://example.org/blog/about/"');
  });

  it('shows an Atom type="html" title as plain text, never as markup', async () => {
    const feed = await load('atom-html-title.xml');
    expect(feed.title).toBe('Ben & Jerry’s Blog');
    expect(feed.items[0]!.title).toBe('Bold move — the sequel');
    expect(feed.items[1]!.title).toBe('Literal <b> is text');
  });

  it('prefers content:encoded over a teaser description, sanitized (WordPress)', async () => {
    const item = (await load('rss-content-encoded-and-description.xml')).items[0]!;
    expect(item.contentHtml).toBe(
      '<p>The whole post, with <strong>markup</strong> and much more text than the teaser.</p>',
    );
    expect(item.identity).toBe('guid:https://wp.example.com/?p=123');
  });

  it('prefers the longer body: Atom content over a one-line summary', async () => {
    const item = (await load('atom-1.0-basic.xml')).items[0]!;
    expect(item.text).toContain('running amok');
    expect(item.author).toBe('John Doe, Jane Roe');
    expect(item.publishedAt).toBe(Date.UTC(2024, 4, 16, 18, 30, 2));
    expect(item.updatedAt).toBe(Date.UTC(2024, 4, 16, 18, 0, 0));
  });

  it('joins repeated dc:creator and reads dc:date with its offset', async () => {
    const item = (await load('rss-dc-creator-and-date.xml')).items[0]!;
    expect(item.author).toBe('Alice Example, Bob Example');
    expect(item.publishedAt).toBe(Date.UTC(2024, 4, 16, 7));
  });

  it('keeps every enclosure once, absolute', async () => {
    const item = (await load('rss-media-and-enclosures.xml')).items[0]!;
    expect(item.enclosures.map((e) => e.url)).toEqual([
      'https://feeds.example.com/files/audio.mp3',
      'https://cdn.example.com/photo.jpg',
      'https://cdn.example.com/video.mp4',
      'https://cdn.example.com/thumb.jpg',
    ]);
  });

  it('reads a podcast item: iTunes author and summary, PDT date', async () => {
    const item = (await load('rss-itunes-podcast.xml')).items[0]!;
    expect(item).toMatchObject({ author: 'Guest Speaker', publishedAt: Date.UTC(2024, 4, 15, 13) });
    expect(item.contentHtml).toBe('<p>In this episode we talk.<br />Second line.</p>');
  });

  it('clamps a date in the future to now (a CMS with a wrong clock)', async () => {
    expect((await load('rss-future-date.xml')).items[0]!.publishedAt).toBe(NOW);
  });

  it('reads the broken dates of the wild and leaves the unreadable ones null', async () => {
    const dates = (await load('rss-broken-dates.xml')).items.map((i) => i.publishedAt);
    expect(dates).toEqual([
      Date.UTC(2024, 4, 16, 15),
      Date.UTC(2024, 4, 16, 7),
      Date.UTC(2024, 4, 16, 7),
      null,
      null,
      Date.UTC(2024, 4, 16, 10),
    ]);
  });

  it('strips scripts from JSON Feed content_html and escapes content_text', async () => {
    const feed = await load('json-feed-1.0.json');
    expect(feed.items[0]!.contentHtml).toBe(
      '<p>First paragraph &lt;not markup&gt;.</p><p>Second paragraph.</p>',
    );
    expect(feed.items[1]!.contentHtml).toBe('<p>Hello, world!</p>');
    expect(feed.items[1]!.url).toBe('https://elsewhere.example.net/post');
  });

  it('reads JSON Feed 1.1 authors and date_modified', async () => {
    const item = (await load('json-feed-1.1.json')).items[0]!;
    expect(item).toMatchObject({ author: 'Ann, Ben', updatedAt: Date.UTC(2024, 4, 17, 10) });
  });

  it('decodes a UTF-8 BOM followed by a blank line before the prolog (bytes)', async () => {
    const feed = await load('rss-bom-before-prolog.xml');
    expect(feed.title).toBe('BOM first — ok');
    expect(feed.items[0]!.title).toBe('Café');
  });

  it('flags feeds read by the lenient path', async () => {
    expect((await load('rss-bare-ampersand.xml')).recovered).toBe(true);
    expect((await load('rss-2.0-basic.xml')).recovered).toBe(false);
  });

  it('reads C1 characters as Windows-1252 ("don&#146;t" from old CMSs)', async () => {
    const xml =
      '<rss version="2.0"><channel><title>t</title><item><title>don&#146;t</title></item></channel></rss>';
    const feed = await feedFromBytes(
      new TextEncoder().encode(xml),
      { url: FEED_URL, contentType: null },
      NOW,
    );
    expect(feed.items[0]!.title).toBe('don’t');
  });

  it('changes the content hash when what the article shows changes, only then', async () => {
    const a = (await load('rss-2.0-basic.xml')).items[0]!.contentHash;
    const b = (await load('rss-2.0-basic.xml')).items[0]!.contentHash;
    const edited = new TextDecoder()
      .decode(bytesOf('rss-2.0-basic.xml'))
      .replace('First story', 'First story (updated)');
    const c = (
      await feedFromBytes(
        new TextEncoder().encode(edited),
        { url: FEED_URL, contentType: null },
        NOW,
      )
    ).items[0]!.contentHash;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

describe('normalizeFeed: which body is shown', () => {
  const item = (contentHtml: string | null, summaryHtml: string | null): ParsedItem => ({
    guid: null,
    guidIsPermalink: true,
    link: 'https://example.com/a',
    title: 'A',
    titleIsHtml: false,
    contentHtml,
    summaryHtml,
    authors: [],
    categories: [],
    published: null,
    updated: null,
    enclosures: [],
    base: null,
  });
  const shown = (contentHtml: string | null, summaryHtml: string | null) =>
    normalizeFeed(
      {
        format: 'rss',
        title: 'F',
        titleIsHtml: false,
        siteUrl: null,
        description: null,
        language: null,
        ttlMinutes: null,
        base: null,
        items: [item(contentHtml, summaryHtml)],
        recovered: false,
      },
      FEED_URL,
      NOW,
    ).items[0]!.text;

  it('shows the summary when its text is longer (a teaser in content, the article in description)', () => {
    expect(shown('<p>Teaser</p>', '<p>The whole article, much longer.</p>')).toBe(
      'The whole article, much longer.',
    );
  });

  it('shows the content on a tie, and counts text only: markup and runs of spaces do not count', () => {
    expect(shown('<p>abc  def</p>', '<b>abcdefg</b>')).toBe('abc def');
    const linked = '<p><a href="https://example.com/long/url">ab</a>  c   </p>';
    expect(shown(linked, 'abcd')).toBe('ab c');
    expect(shown(linked, 'abcde')).toBe('abcde');
    expect(shown('  ab c  ', 'abcde')).toBe('abcde');
    expect(shown('  ab cd  ', 'abcde')).toBe('ab cd');
  });

  it('shows whichever body exists', () => {
    expect(shown(null, '<p>Only a summary</p>')).toBe('Only a summary');
    expect(shown('<p>Only content</p>', null)).toBe('Only content');
  });
});
