/**
 * The reader's DOM walk (src/renderer/src/lib/highlights/text-map.ts) must give exactly the text
 * main anchors highlights in (htmlToText, docs/technotes/anchoring.md "Whitespace"): checked on
 * linkedom over the seed, every HTML fixture (sanitized as at ingestion) and generated markup,
 * then the walk's maps back to text nodes (what painting and selections use).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/main/core/content/html-text';
import { sanitizeHtml } from '../../src/main/core/content/sanitize';
import { parseSeed } from '../../src/main/core/library/seed';

/** The parts of the renderer's module under test (text-map.ts). */
interface WalkNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<WalkNode>;
  data?: string;
}
interface TextMap {
  text: string;
  nodes: (WalkNode | null)[];
  offsets: number[];
}
interface TextMapModule {
  buildTextMap(root: WalkNode): TextMap;
  slicesOf(
    map: TextMap,
    start: number,
    end: number,
  ): { node: WalkNode; from: number; to: number }[];
  offsetsWhere(
    map: TextMap,
    covers: (node: WalkNode, offset: number) => boolean,
  ): { start: number; end: number } | null;
}

// Imported by a computed path: the renderer's files are outside tsconfig.node.json's project
// (text-map.ts uses no DOM types, so it runs on linkedom here).
const MODULE = '../../src/renderer/src/lib/highlights/text-map';
const { buildTextMap, offsetsWhere, slicesOf } = (await import(MODULE)) as TextMapModule;

const FIXTURES = join(__dirname, '..', 'fixtures');

/**
 * The body element of `html` as the reader would hold it. linkedom keeps the newline right after
 * <pre>, which the HTML parser of a browser (and htmlToText) drops: dropped here as well.
 */
function bodyOf(html: string): WalkNode {
  const { document } = parseHTML(
    `<!doctype html><html><body><div id="b">${html}</div></body></html>`,
  );
  for (const pre of document.querySelectorAll('pre')) {
    const first = pre.firstChild;
    if (first?.nodeType === 3 && first.nodeValue?.startsWith('\n')) {
      first.nodeValue = first.nodeValue.slice(1);
    }
  }
  return document.getElementById('b') as unknown as WalkNode;
}

function expectSameText(html: string): void {
  expect(buildTextMap(bodyOf(html)).text).toBe(htmlToText(html));
}

describe('the reader’s text walk', () => {
  it('gives the seed’s text', () => {
    const seed = parseSeed(
      readFileSync(join(__dirname, '..', '..', 'resources', 'seed', 'harbin-visit.txt'), 'utf8'),
    );
    expect(buildTextMap(bodyOf(seed.html)).text).toBe(seed.text);
  });

  it('gives htmlToText of every sanitized HTML fixture', () => {
    const dir = join(FIXTURES, 'html');
    const files = readdirSync(dir).filter((name) => name.endsWith('.html'));
    expect(files.length).toBeGreaterThan(5);
    for (const name of files)
      expectSameText(sanitizeHtml(readFileSync(join(dir, name), 'utf8'), null));
  });

  it.each([
    [
      'inline elements and spaces',
      '<p>Alpha <em>beta  gamma</em> delta<a href="#"> epsilon</a>.</p>',
    ],
    ['breaks, trailing and doubled', '<p>one<br>two<br><br>three<br></p><p>four</p>'],
    ['preformatted text', '<pre>  code\n    indented\n</pre><p>after</p>'],
    ['non-breaking spaces', '<p>a&nbsp;&nbsp;b \u00a0 c</p>'],
    ['nested blocks and lists', '<div><p>x</p> <ul><li>one</li><li> two </li></ul></div>y'],
    ['tables', '<table><tr><td>a</td><td>b</td></tr></table>'],
    ['skipped content', '<p>a<script>no</script><style>no</style>b<svg><text>no</text></svg>c</p>'],
    [
      'an image placeholder the reader inserted',
      '<p>a <span class="image-placeholder">Photo</span>b</p>',
    ],
  ])('%s', (_name, html) => {
    const expected = htmlToText(
      html.replace(/<span class="image-placeholder">Photo<\/span>/, '<img alt="Photo">'),
    );
    expect(buildTextMap(bodyOf(html)).text).toBe(expected);
  });

  it('gives the same text for generated markup', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tags = [
      'p',
      'em',
      'b',
      'a',
      'br',
      'li',
      'ul',
      'pre',
      'div',
      'span',
      'h2',
      'blockquote',
      'code',
    ];
    const words = ['alpha', ' ', '  ', '\n', 'beta\u00a0gamma', ' delta ', '&amp;', 'é', '\t'];
    for (let n = 0; n < 300; n++) {
      let html = '';
      for (let i = 0; i < 25; i++) {
        const r = next();
        const tag = tags[Math.floor(next() * tags.length)] as string;
        if (r < 0.3) html += `<${tag}>`;
        else if (r < 0.5) html += `</${tag}>`;
        else html += words[Math.floor(next() * words.length)];
      }
      expectSameText(sanitizeHtml(html, null));
    }
  });
});

describe('the text map', () => {
  const body = bodyOf('<p>Alpha <em>beta gamma</em> delta</p>\n<p>Second  line</p>');
  const map = buildTextMap(body);

  it('maps a stretch of text back to its text nodes, spaces included', () => {
    const start = map.text.indexOf('gamma');
    const end = map.text.indexOf('delta') + 'delta'.length;
    const slices = slicesOf(map, start, end).map((s) => (s.node.data ?? '').slice(s.from, s.to));
    expect(slices).toEqual(['gamma', ' delta']);
  });

  it('leaves the block separator out of what is painted', () => {
    const start = map.text.indexOf('delta');
    const end = map.text.indexOf('Second') + 'Second'.length;
    const slices = slicesOf(map, start, end).map((s) => (s.node.data ?? '').slice(s.from, s.to));
    expect(slices).toEqual(['delta', 'Second']);
  });

  it('turns selected characters into trimmed offsets', () => {
    const em = map.nodes[map.text.indexOf('beta')] as WalkNode;
    const offsets = offsetsWhere(map, (node, offset) => node === em && offset >= 4);
    expect(offsets && map.text.slice(offsets.start, offsets.end)).toBe('gamma');
    expect(offsetsWhere(map, () => false)).toBeNull();
  });
});
