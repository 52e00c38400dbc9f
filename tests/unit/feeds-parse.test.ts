// parseFeedText on one fixture per format and quirk (tests/fixtures/feeds/). Pure: no network.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../src/main/core/feeds/parse';
import { ApiError } from '../../src/shared/errors';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const parse = (name: string) => parseFeedText(fixture(name));

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('formats', () => {
  it('reads RSS 2.0 with guid isPermaLink, author, categories, ttl', async () => {
    const feed = await parse('rss-2.0-basic.xml');
    expect(feed).toMatchObject({ format: 'rss', title: 'Example News', ttlMinutes: 60 });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: 'https://news.example.com/2024/05/first',
      guidIsPermalink: true,
      authors: ['editor@example.com (Ann Editor)'],
      categories: ['World', 'Asia'],
      published: 'Thu, 16 May 2024 10:00:00 GMT',
    });
    expect(feed.items[1]).toMatchObject({ guid: 'news-2', guidIsPermalink: false });
  });

  it('reads RSS 0.91 (Netscape DOCTYPE, no guid, no date)', async () => {
    const feed = await parse('rss-0.91.xml');
    expect(feed.format).toBe('rss');
    expect(feed.items[0]).toMatchObject({ title: 'stuff', guid: null, published: null });
  });

  it('reads RSS 0.92 items that have only a description and an enclosure', async () => {
    const feed = await parse('rss-0.92.xml');
    expect(feed.items[0]!.title).toBeNull();
    expect(feed.items[0]!.enclosures[0]).toEqual({
      url: 'http://www.scripting.com/mp3s/weatherReportDicksPicsVol7.mp3',
      type: 'audio/mpeg',
      length: 6182912,
    });
  });

  it('reads RSS 1.0 (RDF) with Dublin Core and rdf:about', async () => {
    const feed = await parse('rdf-rss-1.0.xml');
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({
      guid: 'http://xml.com/pub/2000/08/09/xslt/xslt.html',
      authors: ['Bob DuCharme'],
      published: '2000-08-09T12:00:00Z',
      categories: ['XSLT'],
    });
  });

  it('reads Atom 1.0: every author, enclosure links, content and summary', async () => {
    const item = (await parse('atom-1.0-basic.xml')).items[0]!;
    expect(item.authors).toEqual(['John Doe', 'Jane Roe']);
    expect(item.link).toBe('https://blog.example.org/2024/05/robots');
    expect(item.enclosures).toEqual([
      { url: 'https://blog.example.org/robots.mp3', type: 'audio/mpeg', length: 1337 },
    ]);
    expect(item.summaryHtml).toBe('<p>Some text.</p>');
    expect(item.contentHtml).toContain('<em>running amok</em>');
  });

  it('reads Atom 0.3: issued/modified and inline mode="xml" content in document order', async () => {
    const item = (await parse('atom-0.3.xml')).items[0]!;
    expect(item.published).toBe('2003-12-13T08:29:29-04:00');
    expect(item.updated).toBe('2003-12-13T18:30:02Z');
    expect(item.contentHtml).toContain('<p>Hello, <em>weblog</em> world! 2 &lt; 4!</p>');
  });

  it('keeps Atom type="html" titles flagged as markup and XHTML content in order', async () => {
    const feed = await parse('atom-html-title.xml');
    expect(feed.titleIsHtml).toBe(true);
    expect(feed.items[0]).toMatchObject({ titleIsHtml: true });
    // xml2js alone would give "Text  and  in order.<b>bold</b><i>italic</i>".
    expect(feed.items[0]!.contentHtml).toContain('Text <b>bold</b> and <i>italic</i> in order.');
    expect(feed.items[1]).toMatchObject({ title: 'Literal <b> is text', titleIsHtml: false });
  });

  it('keeps xml:base of the feed and of each entry', async () => {
    const feed = await parse('atom-xml-base-relative-links.xml');
    expect(feed.base).toBe('https://example.org/blog/');
    expect(feed.items.map((i) => i.base)).toEqual(['posts/', null]);
  });

  it('reads JSON Feed 1.0 (content_text escaped into paragraphs, attachments, numeric id)', async () => {
    const feed = await parse('json-feed-1.0.json');
    expect(feed.format).toBe('json');
    expect(feed.items[0]).toMatchObject({
      guid: '2',
      contentHtml: '<p>First paragraph &lt;not markup&gt;.</p><p>Second paragraph.</p>',
      authors: ['Item Author'],
      categories: ['test', 'JSON'],
      enclosures: [
        { url: 'https://json.example.org/show.mp4', type: 'video/mp4', length: 12000000 },
      ],
    });
    expect(feed.items[1]).toMatchObject({ guid: '1', link: 'https://elsewhere.example.net/post' });
  });

  it('reads JSON Feed 1.1 (authors, summary, date_modified)', async () => {
    const item = (await parse('json-feed-1.1.json')).items[0]!;
    expect(item).toMatchObject({ authors: ['Ann', 'Ben'], updated: '2024-05-17T10:00:00Z' });
    expect(item.summaryHtml).toBe('<p>A summary that is short.</p>');
  });
});

describe('namespaces', () => {
  it('reads content:encoded beside description (WordPress)', async () => {
    const item = (await parse('rss-content-encoded-and-description.xml')).items[0]!;
    expect(item.contentHtml).toContain('<strong>markup</strong>');
    expect(item.summaryHtml).toContain('A teaser');
  });

  it('reads repeated dc:creator and dc:date', async () => {
    const item = (await parse('rss-dc-creator-and-date.xml')).items[0]!;
    expect(item.authors).toEqual(['Alice Example', 'Bob Example']);
    expect(item.published).toBe('2024-05-16T10:00:00+03:00');
  });

  it('reads enclosures, media:content, media:group and media:thumbnail', async () => {
    const item = (await parse('rss-media-and-enclosures.xml')).items[0]!;
    expect(item.enclosures.map((e) => e.url)).toEqual([
      '/files/audio.mp3',
      'https://cdn.example.com/photo.jpg',
      'https://cdn.example.com/video.mp4',
      'https://cdn.example.com/thumb.jpg',
    ]);
    // YouTube-style entries have no body but media:description.
    expect(item.summaryHtml).toBe('<p>A video about photos.</p>');
  });

  it('reads iTunes author, summary, image and nested categories', async () => {
    const item = (await parse('rss-itunes-podcast.xml')).items[0]!;
    expect(item.authors).toEqual(['Guest Speaker']);
    expect(item.summaryHtml).toBe('<p>In this episode we talk.<br>Second line.</p>');
    expect(item.categories).toEqual(['Technology', 'Gadgets']);
    expect(item.enclosures.map((e) => e.url)).toContain('https://podcast.example.com/ep1.jpg');
  });
});

describe('lenient path', () => {
  it('escapes bare ampersands (hand-written feeds, "AT&T")', async () => {
    const feed = await parse('rss-bare-ampersand.xml');
    expect(feed.recovered).toBe(true);
    expect(feed.title).toBe("Tom & Jerry's News");
    expect(feed.items[0]).toMatchObject({
      title: 'AT&T buys Q&A site',
      link: 'https://amp.example.com/story?x=1&y=2',
    });
  });

  it('turns undeclared HTML entities into characters, unknown ones into text', async () => {
    const feed = await parse('rss-undeclared-html-entities.xml');
    expect(feed.title).toBe('Café news');
    expect(feed.items[0]!.title).toBe('Café\u00a0society — … &bogus;');
  });

  it('reads a feed with blank lines before the prolog (PHP includes)', async () => {
    expect((await parse('rss-whitespace-before-prolog.xml')).items[0]!.title).toBe('Still read');
  });

  it('reads a feed whose decoded text still starts with a BOM and a blank line', async () => {
    const text = '\uFEFF\r\n' + fixture('rss-bom-before-prolog.xml').replace(/^\uFEFF/, '');
    expect((await parseFeedText(text)).items[0]!.title).toBe('Café');
  });

  it('leaves a billion-laughs document harmless: no expansion', async () => {
    const feed = await parse('rss-billion-laughs.xml');
    expect(feed.items[0]!.title).toBe('&lol9;');
    expect(feed.items[0]!.summaryHtml!.length).toBeLessThan(100);
  });

  it('never resolves external entities (XXE)', async () => {
    const feed = await parse('rss-external-entity.xml');
    expect(feed.items[0]!.title).toBe('Secret: &xxe;');
    expect(JSON.stringify(feed)).not.toContain('root:');
  });

  it('expands plain internal entities of a DOCTYPE', async () => {
    const xml = `<!DOCTYPE rss [<!ENTITY id "tag:example.com,">]>
      <rss version="2.0"><channel><title>t</title><item><guid>&id;2006:/blog/</guid></item></channel></rss>`;
    expect((await parseFeedText(xml)).items[0]!.guid).toBe('tag:example.com,2006:/blog/');
  });

  it('closes an unfinished CDATA section and the elements left open (truncated download)', async () => {
    const xml = '<rss version="2.0"><channel><title>Cut</title><item><title><![CDATA[Half a tit';
    const feed = await parseFeedText(xml);
    expect(feed).toMatchObject({ recovered: true, title: 'Cut' });
    expect(feed.items[0]!.title).toBe('Half a tit');
  });

  it('drops control characters that XML 1.0 forbids (sax would keep them)', async () => {
    const xml = '<rss version="2.0"><channel><title>Bell\u0007 here</title></channel></rss>';
    expect((await parseFeedText(xml)).title).toBe('Bell here');
  });

  it('reads an Atom entry whose date rss-parser cannot parse (it would throw)', async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>
      <published>0000-00-00T00:00:00Z</published></entry></feed>`;
    expect((await parseFeedText(xml)).items[0]!.published).toBe('0000-00-00T00:00:00Z');
  });
});

describe('not a feed', () => {
  it('refuses an HTML page with NOT_A_FEED', async () => {
    const error = await errorOf(parse('html-page-not-a-feed.html'));
    expect(error.code).toBe('NOT_A_FEED');
    expect(error.message).toMatch(/web page/);
  });

  it('refuses an empty body with NOT_A_FEED', async () => {
    expect((await errorOf(parse('empty.xml'))).code).toBe('NOT_A_FEED');
  });

  it('refuses JSON that is not a JSON Feed with NOT_A_FEED', async () => {
    expect((await errorOf(parseFeedText('{"items": []}'))).code).toBe('NOT_A_FEED');
  });

  it('refuses well-formed XML that is not a feed (OPML) with NOT_A_FEED', async () => {
    const opml = '<opml version="2.0"><head/><body/></opml>';
    expect((await errorOf(parseFeedText(opml))).code).toBe('NOT_A_FEED');
  });

  it('gives PARSE_FAILED for XML that no repair can read', async () => {
    const error = await errorOf(parseFeedText('<rss version="2.0"><channel></item></rss>'));
    expect(error.code).toBe('PARSE_FAILED');
  });
});

describe('inline markup', () => {
  it('keeps naked HTML in an RSS description, in order', async () => {
    const xml = `<rss version="2.0"><channel><title>t</title><item>
      <description>Text <b>bold</b> and <i>italic</i>.</description></item></channel></rss>`;
    expect((await parseFeedText(xml)).items[0]!.summaryHtml).toBe(
      'Text <b>bold</b> and <i>italic</i>.',
    );
  });

  it('leaves an HTML <summary> inside a CDATA body alone (<details> in WordPress posts)', async () => {
    const body = '<details><summary><b>More</b></summary><p>Hidden</p></details>';
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>
      <summary type="html"><![CDATA[${body}]]></summary></entry></feed>`;
    expect((await parseFeedText(xml)).items[0]!.summaryHtml).toBe(body);
  });
});
