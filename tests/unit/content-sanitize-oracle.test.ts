/**
 * Our single-pass sanitizer against the sanitize-html based one it replaced (the oracle in
 * tests/oracle/): the same allow-list must give the same output, on every HTML fixture we have
 * and on generated hostile markup. A difference is either a bug in ours or a rule change that
 * must then be made in both, on purpose.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../src/main/core/content/sanitize';
import { sanitizeHtml as oracle } from '../oracle/sanitize-html-reference';

const FIXTURES = join(__dirname, '..', 'fixtures');
const BASES = ['https://news.example.com/world/2024/article.html', null];

function filesIn(folder: string, pattern: RegExp): string[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((name) => pattern.test(name))
    .map((name) => readFileSync(join(FIXTURES, folder, name), 'latin1'));
}

/** A small deterministic generator of hostile and odd markup. */
function* generated(count: number): Generator<string> {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const tags = [
    'p',
    'a',
    'img',
    'script',
    'style',
    'iframe',
    'svg',
    'div',
    'b',
    'table',
    'td',
    'form',
    'input',
    'video',
    'source',
    'picture',
    'h1',
    'br',
    'ul',
    'li',
    'object',
    'math',
    'noscript',
    'section',
    'base',
    'meta',
  ];
  const attrs = [
    'href',
    'src',
    'srcset',
    'onclick',
    'style',
    'id',
    'class',
    'data-src',
    'alt',
    'target',
    'autoplay',
    'poster',
    'width',
    'rel',
    'cite',
    'title',
  ];
  const values = [
    'javascript:alert(1)',
    'JaVaScRiPt&#58;alert(1)',
    '/img/a.png',
    '../x.jpg',
    '//cdn.example.org/y.gif',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:text/html,<script>x</script>',
    'https://www.youtube.com/embed/x',
    'https://evil.example/frame',
    '#note-1',
    'a.png 1x, b.png 2x',
    'vbscript:msgbox',
    'mailto:a@b.c',
    '" onmouseover="x',
    'expression(alert(1))',
  ];
  for (let i = 0; i < count; i++) {
    let html = '';
    for (let j = 0, n = 1 + next(8); j < n; j++) {
      const tag = tags[next(tags.length)]!;
      let attributes = '';
      for (let k = 0, m = next(4); k < m; k++) {
        attributes += ` ${attrs[next(attrs.length)]}="${values[next(values.length)]}"`;
      }
      html += `<${tag}${attributes}>text ${j} &amp; more${next(3) === 0 ? '' : `</${tag}>`}`;
    }
    yield html;
  }
}

describe('the sanitizer against its sanitize-html oracle', () => {
  const inputs = [
    ...filesIn('html', /\.html$/),
    ...filesIn('pages', /\.html$/),
    ...filesIn('feeds', /\.(xml|json|html)$/),
    ...generated(1500),
  ];

  it(`gives the same HTML for ${inputs.length} inputs, with and without a base URL`, () => {
    const differences: string[] = [];
    for (const input of inputs) {
      for (const base of BASES) {
        if (sanitizeHtml(input, base) !== oracle(input, base))
          differences.push(input.slice(0, 120));
      }
    }
    expect(differences).toEqual([]);
  });
});
