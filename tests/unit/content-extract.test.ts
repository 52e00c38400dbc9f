import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  extractArticle,
  extractReadable,
  NO_ARTICLE_MESSAGE,
  type ReadablePage,
} from '../../src/main/core/content/extract';
import { decodeHtml } from '../../src/main/core/content/decode-html';
import { ApiError } from '../../src/shared/errors';

const SITE = 'https://news.example';

/** Extracts a page of tests/fixtures/pages/ as if it lived at SITE/pages/<name>. */
function extract(name: string): ReadablePage {
  const bytes = readFileSync(join(__dirname, '..', 'fixtures', 'pages', name));
  const page = extractReadable(decodeHtml(bytes, 'text/html').text, `${SITE}/pages/${name}`);
  if (page === null) throw new Error(`nothing extracted from ${name}`);
  return page;
}

/** Every URL in src, href and srcset attributes of `html`. */
function urls(html: string): string[] {
  const found: string[] = [];
  for (const [, name, value] of html.matchAll(/\s(src|href|srcset)="([^"]*)"/g)) {
    const parts =
      name === 'srcset' ? value!.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [value!];
    found.push(...parts);
  }
  return found;
}

/** What pages must never bring into the article: chrome around it, and anything active. */
function expectOnlyTheArticle(page: ReadablePage): void {
  for (const marker of ['COMMENT-MARKER', 'SIDEBAR-MARKER', 'FOOTER-MARKER']) {
    expect(page.text).not.toContain(marker);
  }
  expect(page.html).not.toMatch(/<(script|style|form|input|button|textarea|noscript|nav)\b/i);
  expect(page.html).not.toMatch(/\s(class|style|on[a-z]+)=/i);
}

describe('extractReadable', () => {
  it('keeps the story of a news page and drops navigation, sidebar, share tools and comments', () => {
    const page = extract('news-page-with-nav-and-sidebar.html');
    expect(page.text).toContain('The China-Russia Expo opened in Harbin on Monday');
    expect(page.text).toContain('more than twenty billion yuan');
    expectOnlyTheArticle(page);
    for (const chrome of ['Share on Facebook', 'Subscribe', 'Accept all', 'Most read']) {
      expect(page.text).not.toContain(chrome);
    }
    expect(page.html).toContain(`<img src="${SITE}/pages/images/chart-trade.png"`);
    expect(page.html).toContain('<figcaption>Trade across the Amur has more than doubled');
    expect(page.html).not.toContain('sidebar-ad.png');
    expect(page).toMatchObject({
      title: 'Harbin trade fair draws record crowds as rail link opens',
      byline: 'Mei Lin',
      siteName: 'The Northern Ledger',
      publishedTime: '2024-06-18T07:30:00Z',
    });
  });

  it('keeps a blog post with its headings, quote and list, without widgets or comments', () => {
    const page = extract('blog-post.html');
    expect(page.text).toContain('Somewhere east of Krasnoyarsk the phone signal gave up');
    expect(page.text).toContain('BLOG-ONLY-WORD samovar');
    expect(page.html).toMatch(/<h2>What worked<\/h2>/);
    expect(page.html).toContain('<blockquote>');
    expect(page.html).toContain('<li>Save the whole page, not a link to it.</li>');
    expectOnlyTheArticle(page);
    expect(page.text).not.toContain('Two days in Vladivostok');
    expect(page.publishedTime).toBe('2023-11-02T18:04:00+03:00');
  });

  it('resolves lazy-loaded images (data-src, data-srcset, data-original, data-lazy-src, noscript) to absolute URLs', () => {
    const page = extract('lazy-loaded-images.html');
    const images = `${SITE}/pages/images`;
    expect(page.html).toContain(`src="${images}/river-ice.jpg"`);
    expect(page.html).toContain(
      `srcset="${images}/river-ice.jpg 1x, ${images}/market-stall.jpg 2x"`,
    );
    // data-original is relative to the page: images/market-stall.jpg beside lazy-loaded-images.html.
    expect(page.html).toContain(`src="${images}/market-stall.jpg"`);
    expect(page.html).toContain(`src="${images}/harbor-crane.png"`);
    // The <noscript> image takes the empty placeholder's place, once.
    expect(page.html.match(/chart-trade\.png/g)).toHaveLength(1);
    expect(page.html.match(/<img /g)).toHaveLength(4);
    expect(page.html).not.toMatch(/placeholder\.png|data:image|data-src|data-original|data-lazy/);
    expect(page.text).toContain('Fishermen are the first onto the ice');
    expectOnlyTheArticle(page);
  });

  it('makes relative links and images absolute against the page’s <base href>', () => {
    const page = extract('relative-urls.html');
    expect(page.html).toContain(`src="${SITE}/pages/images/river-ice.jpg"`);
    expect(page.html).toContain(`src="${SITE}/pages/images/chart-trade.png"`);
    expect(page.html).toContain(
      `srcset="${SITE}/pages/images/chart-trade.png 1x, ${SITE}/pages/images/harbor-crane.png 2x"`,
    );
    expect(page.html).toContain(`href="${SITE}/pages/blog-post.html"`);
    expect(page.html).toContain(`href="${SITE}/data/bridge-traffic.csv"`);
    expect(page.html).toContain('href="https://example.org/amur"');
    // In-page links follow the ids, which the sanitizer prefixes.
    expect(page.html).toContain('href="#user-content-notes"');
    for (const url of urls(page.html)) expect(url).toMatch(/^(https?:\/\/|#)/);
    expect(page.text).not.toContain('FOOTER-MARKER');
  });

  it('finds nothing on a login page with a list of links: null, or PARSE_FAILED with a clear message', () => {
    const html = readFileSync(
      join(__dirname, '..', 'fixtures', 'pages', 'no-article-here.html'),
      'utf8',
    );
    const url = `${SITE}/pages/no-article-here.html`;
    expect(extractReadable(html, url)).toBeNull();
    let thrown: unknown;
    try {
      extractArticle(html, url);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ code: 'PARSE_FAILED' });
    expect((thrown as ApiError).message).toContain(NO_ARTICLE_MESSAGE);
  });

  it('finds nothing in an empty page or a page of a few words', () => {
    expect(extractReadable('', SITE)).toBeNull();
    expect(extractReadable('<html><body><p>Coming soon.</p></body></html>', SITE)).toBeNull();
  });

  it('reads a windows-1251 page declared only by <meta charset>', () => {
    const page = extract('windows-1251-meta-charset.html');
    expect(page.title).toMatch(/^Хабаровск встретил первый лёд на Амуре/);
    expect(page.text).toContain('капитан речного порта');
    expect(page.text).toContain('Сергей Ёлкин');
    expect(page.text).not.toContain('Цены на рыбу выросли');
  });

  it('takes the title from <title> when the page has no better one', () => {
    const body =
      '<p>' + 'A paragraph of real prose about the river and its ice. '.repeat(12) + '</p>';
    const page = extractReadable(`<title>The river</title><article>${body}${body}</article>`, SITE);
    expect(page?.title).toBe('The river');
  });
});
