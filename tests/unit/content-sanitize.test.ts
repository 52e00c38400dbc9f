import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/main/core/content/sanitize';

const BASE = 'https://blog.example.com/2026/post/';

/** Sanitizes a fixture of tests/fixtures/html/ against BASE. */
function clean(name: string, base: string | null = BASE): string {
  const html = readFileSync(join(__dirname, '..', 'fixtures', 'html', name), 'utf8');
  return sanitizeHtml(html, base);
}

/** Every tag name in `html`. */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-z][a-z0-9-]*)/gi)].map((m) => (m[1] as string).toLowerCase());
}

/** Fails on anything that could run or load code, whatever the fixture. */
function expectInert(html: string): void {
  expect(html).not.toMatch(
    /<(script|style|svg|math|object|embed|applet|form|input|button|textarea|select|meta|base|link|frame|frameset)\b/i,
  );
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/\s(style|class|srcdoc|formaction|action)\s*=/i);
  expect(html).not.toMatch(/(javascript|vbscript)\s*:/i);
  expect(html).not.toMatch(/data:(?!image\/(png|jpe?g|gif|webp)[;,])/i);
  expect(html).not.toMatch(/\sautoplay/i);
}

describe('sanitizeHtml', () => {
  it('removes script elements with their content', () => {
    const out = clean('script-tag.html');
    expectInert(out);
    expect(out).toContain('<p>Before</p>');
    expect(out).not.toContain('alert(1)');
    expect(out).not.toContain('inline');
    expect(out).not.toMatch(/<noscript|<img/);
  });

  it('removes every on* handler and autoplay', () => {
    const out = clean('event-handlers.html');
    expectInert(out);
    expect(out).toContain('<p>Click</p>');
    expect(out).toContain('<img src="https://blog.example.com/pic.png" />');
    expect(out).toContain('<video src="https://blog.example.com/v.mp4" controls=""></video>');
  });

  it('drops javascript: and vbscript: URLs however they are spelt', () => {
    const out = clean('javascript-urls.html');
    expectInert(out);
    expect(out.match(/href=/g)).toHaveLength(1);
    expect(out).toContain('href="https://example.org/ok"');
    expect(out).toContain('<a rel="noopener noreferrer">mixed case, entity colon</a>');
    expect(out).toContain('<blockquote>quote</blockquote>');
  });

  it('drops data: URLs except raster images in img src', () => {
    const out = clean('data-html-url.html');
    expectInert(out);
    expect(out).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="png ok" />');
    expect(out).toContain('alt="jpeg ok"');
    expect(out).not.toContain('svg+xml');
    expect(out).not.toContain('srcset');
    expect(out).not.toContain('poster');
  });

  it('removes SVG and MathML with everything inside', () => {
    const out = clean('svg-with-script.html');
    expectInert(out);
    expect(out).not.toContain('click');
    expect(tags(out)).toEqual(['p', 'img']);
  });

  it('removes style attributes, style elements and stylesheets', () => {
    const out = clean('style-expression.html');
    expectInert(out);
    expect(out).not.toMatch(/expression\(|-moz-binding|@import|url\(/);
    expect(out).toContain('<p>overlay</p>');
  });

  it('removes forms and their controls, keeping the text around them', () => {
    const out = clean('form-and-inputs.html');
    expectInert(out);
    expect(out).toContain('Password');
    expect(out).not.toContain('text area content');
    expect(out).not.toContain('one');
    expect(out).toContain('<p>Text after the form.</p>');
  });

  it('removes meta refresh, base and link; links resolve against the feed', () => {
    const out = clean('meta-refresh-and-base.html');
    expectInert(out);
    expect(out).toContain('href="https://blog.example.com/relative"');
    expect(out).not.toContain('evil');
  });

  it('keeps https YouTube and Vimeo players, sandboxed, and drops every other iframe', () => {
    const out = clean('iframes.html');
    expectInert(out);
    const srcs = [...out.matchAll(/<iframe src="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs).toEqual([
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://player.vimeo.com/video/76979871',
      'https://www.youtube-nocookie.com/embed/abc',
    ]);
    expect(out.match(/<iframe /g)).toHaveLength(3);
    expect(
      out.match(/sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"/g),
    ).toHaveLength(3);
    expect(out).not.toMatch(/allow="|foreign|look-alike|plain http/);
  });

  it('removes object, embed and applet', () => {
    const out = clean('object-embed.html');
    expectInert(out);
    expect(out).not.toContain('swf');
    expect(out).toContain('<p>Object fallback text</p>');
  });

  it('makes every URL absolute against the base and drops the unparsable', () => {
    const out = clean('relative-urls.html');
    expectInert(out);
    for (const href of [
      'https://blog.example.com/root/page',
      'https://blog.example.com/2026/up/page.html',
      'https://blog.example.com/2026/post/same.html',
      'https://cdn.example.net/lib',
      'https://other.example/abs',
      'https://blog.example.com/2026/post/?q=1&amp;r=2',
      'https://blog.example.com/encoded/path',
      'mailto:editor@example.com',
    ]) {
      expect(out).toContain(`href="${href}"`);
    }
    expect(out).toContain('<a rel="noopener noreferrer">unparsable</a>');
    expect(out).toContain('<img src="https://blog.example.com/images/a.png" alt="a" />');
    expect(out).toContain('cite="https://blog.example.com/2026/sources/1"');
    expect(out).toContain('src="https://blog.example.com/2026/post/media/clip.mp4"');
    expect(out).toContain('poster="https://blog.example.com/poster.jpg"');
  });

  it('keeps footnotes working with prefixed ids and fragment links', () => {
    const out = clean('relative-urls.html');
    expect(out).toContain('<a href="#user-content-fn1" rel="noopener noreferrer">footnote</a>');
    expect(out).toContain('<p id="user-content-fn1">');
  });

  it('gives every link rel="noopener noreferrer" and no target', () => {
    const out = sanitizeHtml('<a href="/x" target="_blank" rel="opener">x</a>', BASE);
    expect(out).toBe('<a href="https://blog.example.com/x" rel="noopener noreferrer">x</a>');
  });

  it('drops relative URLs when there is no base, keeps absolute ones', () => {
    const out = clean('relative-urls.html', null);
    expect(out).toContain('href="https://other.example/abs"');
    expect(out).not.toContain('blog.example.com');
    expect(out).not.toContain('cdn.example.net/lib');
  });

  it('resolves each srcset candidate and drops hostile ones', () => {
    const out = clean('srcset.html');
    expectInert(out);
    expect(out).toContain(
      'srcset="https://blog.example.com/2026/post/small.jpg 480w, https://blog.example.com/medium.jpg 800w, https://cdn.example.net/large.jpg 1600w"',
    );
    expect(out).toContain('sizes="(max-width: 600px) 480px, 800px"');
    expect(out).toContain(
      'srcset="https://blog.example.com/2026/post/a.jpg 1x, https://blog.example.com/2026/post/a@2x.jpg 2x"',
    );
    expect(out).toContain('srcset="https://img.example/b,c.jpg 1x, https://img.example/d.jpg 2x"');
    expect(out).toContain(
      '<picture><source srcset="https://blog.example.com/hero.webp" type="image/webp" media="(min-width: 800px)" /><img',
    );
    expect(out.match(/<source/g)).toHaveLength(1);
  });

  it('keeps lazy-loading sources resolved and shows them in src', () => {
    const out = clean('lazy-images.html');
    expectInert(out);
    expect(out).toContain(
      '<img src="https://blog.example.com/uploads/photo.jpg" data-src="https://blog.example.com/uploads/photo.jpg" data-srcset="https://blog.example.com/uploads/photo-600.jpg 600w, https://blog.example.com/uploads/photo-1200.jpg 1200w"',
    );
    expect(out).toContain('data-src="https://cdn.example.net/medium.jpg"');
    expect(out).toContain(
      '<img src="https://blog.example.com/real.jpg" data-src="https://blog.example.com/lazy.jpg"',
    );
    // The noscript copy would show the photo twice; the hostile lazy image has nothing left.
    expect(out.match(/<img/g)).toHaveLength(3);
  });

  it('demotes h1 to h2 (the reader titles the page with h1)', () => {
    expect(sanitizeHtml('<h1>Top</h1><h2>Next</h2>', BASE)).toBe('<h2>Top</h2><h2>Next</h2>');
  });

  it('keeps text structure and tables', () => {
    const html =
      '<blockquote><p>a<br>b</p></blockquote><table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2" rowspan="1" width="9">c</td></tr></tbody></table>';
    expect(sanitizeHtml(html, BASE)).toBe(
      '<blockquote><p>a<br />b</p></blockquote><table><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">c</td></tr></tbody></table>',
    );
  });

  it('escapes text so that markup in entities stays text', () => {
    expect(sanitizeHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>', BASE)).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>',
    );
  });
});
