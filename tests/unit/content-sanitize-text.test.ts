import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/main/core/content/html-text';
import { sanitizeHtml, sanitizeToHtmlAndText } from '../../src/main/core/content/sanitize';

const BASE = 'https://blog.example.com/2026/post/';
const FIXTURES = join(__dirname, '..', 'fixtures');

/** Fails unless the fused pass gives sanitizeHtml's HTML and htmlToText's text of it. */
function expectSameAsTwoPasses(html: string, base: string | null): void {
  const fused = sanitizeToHtmlAndText(html, base);
  const sanitized = sanitizeHtml(html, base);
  expect(fused.html).toBe(sanitized);
  expect(fused.text).toBe(htmlToText(sanitized));
}

/** A small deterministic generator (xorshift32), so a failure names its case. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const TAGS = [
  ...['p', 'div', 'span', 'a', 'img', 'br', 'hr', 'pre', 'code', 'h1', 'section', 'center'],
  ...['ul', 'ol', 'li', 'table', 'tr', 'td', 'blockquote', 'q', 'video', 'source', 'picture'],
  ...['iframe', 'script', 'style', 'svg', 'math', 'noscript', 'template', 'textarea', 'select'],
  ...['option', 'button', 'form', 'object', 'title', 'xmp', 'font', 'em', 'figure', 'wbr'],
  ...['figcaption', 'details', 'summary', 'col', 'ruby', 'rt', 'dl', 'dd', 'P', 'IMG', 'Pre'],
];
const ATTRIBUTES = [
  ...['href', 'src', 'srcset', 'data-src', 'data-srcset', 'id', 'name', 'title', 'alt'],
  ...['style', 'onclick', 'target', 'rel', 'width', 'poster', 'controls', 'autoplay', 'cite'],
  ...['reversed', 'start', 'SRC'],
];
const VALUES = [
  ...['/x', 'x.png', '#fn1', 'https://example.org/a?b=1&c=2', 'javascript:alert(1)', ''],
  ...['jAvAscript&#58;x', 'data:image/png;base64,AAA', 'data:image/svg+xml,x', '//cdn.x/y'],
  ...['https://www.youtube.com/embed/x', 'a.jpg 1.5x, b.jpg 0x, c.jpg 0w, d.jpg 2h', '<b>"'],
];
const TEXTS = [
  ...['hello', ' ', '  ', '\n', '\r\n', '\t', '&nbsp;', '\u00a0', '&amp;', '&lt;p&gt;', '1 < 2'],
  ...['x > y', '&copy', '&#x41;', 'été 中', '<!-- c -->', '<![CDATA[ <b>x</b> ]]>', '<?php ?>'],
  ...['</p>', '</div>', '</br>', '<', '&', '"', '\r', 'two  words', '<p/>', '<br/>', '<svg/>'],
];

/** Returns random markup from pieces that exercise the parser's quirks and the allow-list. */
function generatedHtml(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const open: string[] = [];
  let html = '';
  const size = 5 + Math.floor(next() * 40);
  for (let i = 0; i < size; i++) {
    const k = next();
    if (k < 0.35) {
      const tag = pick(TAGS);
      html += `<${tag}`;
      for (let j = Math.floor(next() * 5); j > 0; j--) {
        const value = pick(VALUES).replace(/"/g, '&quot;');
        html += next() < 0.15 ? ` ${pick(ATTRIBUTES)}` : ` ${pick(ATTRIBUTES)}="${value}"`;
      }
      html += next() < 0.1 ? '/>' : '>';
      open.push(tag);
    } else if (k < 0.55 && open.length > 0) {
      html += `</${next() < 0.85 ? open.pop() : pick(TAGS)}>`;
    } else {
      html += pick(TEXTS);
    }
  }
  // Input cut short inside a tag, a comment or a raw-text element.
  return next() < 0.1
    ? html + pick(['<a href="x', '<img src=', '<!--', '<svg><g x', '<script>'])
    : html;
}

describe('sanitizeToHtmlAndText', () => {
  for (const dir of ['html', 'feeds']) {
    for (const name of readdirSync(join(FIXTURES, dir)).sort()) {
      it(`gives the two-pass HTML and text for fixtures/${dir}/${name}`, () => {
        const html = readFileSync(join(FIXTURES, dir, name), 'utf8');
        expectSameAsTwoPasses(html, BASE);
        expectSameAsTwoPasses(html, null);
      });
    }
  }

  it('gives the two-pass HTML and text for 600 generated inputs', () => {
    const next = random(20260501);
    for (let i = 0; i < 600; i++) {
      const html = generatedHtml(next);
      const base = next() < 0.8 ? BASE : null;
      const fused = sanitizeToHtmlAndText(html, base);
      const sanitized = sanitizeHtml(html, base);
      expect({ i, html, out: fused.html }).toEqual({ i, html, out: sanitized });
      expect({ i, html, text: fused.text }).toEqual({ i, html, text: htmlToText(sanitized) });
    }
  });

  it('reads a real-looking post', () => {
    const { html, text } = sanitizeToHtmlAndText(
      '<h1>Title</h1><p>One&nbsp;<a href="/a">link</a>.<br>Two</p><pre>\n  code\r\n</pre><ul><li>x</li></ul>',
      BASE,
    );
    expect(html).toBe(
      '<h2>Title</h2><p>One\u00a0<a href="https://blog.example.com/a" rel="noopener noreferrer">link</a>.<br />Two</p><pre>\n  code\r\n</pre><ul><li>x</li></ul>',
    );
    expect(text).toBe('Title\n\nOne link.\nTwo\n\n  code\n\n\nx');
  });
});
