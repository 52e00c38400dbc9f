import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/main/core/content/html-text';
import { sanitizeHtml } from '../../src/main/core/content/sanitize';
import { parseSeed } from '../../src/main/core/library/seed';

describe('htmlToText', () => {
  it('separates blocks with a blank line and collapses whitespace', () => {
    expect(htmlToText('<p>Hello  <b>world</b>\n again</p>\n\n<p> Second </p>')).toBe(
      'Hello world again\n\nSecond',
    );
  });

  it('turns <br> into a newline, and a trailing <br> adds nothing to the block break', () => {
    expect(htmlToText('<p>a<br>b<br /><br>c<br></p><p>d</p>')).toBe('a\nb\n\nc\n\nd');
  });

  it('decodes entities, non-breaking spaces included', () => {
    expect(htmlToText('<p>Fish&nbsp;&amp;&#160;chips &lt;3 &mdash; &#x41;&quot;</p>')).toBe(
      'Fish & chips <3 — A"',
    );
  });

  it('makes lists, tables, headings and quotes blocks', () => {
    const html =
      '<h2>Title</h2><ul><li>one</li><li>two</li></ul><blockquote><p>q</p></blockquote><table><tr><td>c1</td><td>c2</td></tr></table>';
    expect(htmlToText(html)).toBe('Title\n\none\n\ntwo\n\nq\n\nc1\n\nc2');
  });

  it('keeps inline elements inside their word and block', () => {
    expect(htmlToText('<p>un<em>break</em>able <a href="x">link</a>.</p>')).toBe(
      'unbreakable link.',
    );
  });

  it('keeps preformatted text as it is, without the newline right after <pre>', () => {
    expect(htmlToText('<p>Code:</p><pre>\nif (a) {\n  b();\n}</pre><p>after</p>')).toBe(
      'Code:\n\nif (a) {\n  b();\n}\n\nafter',
    );
  });

  it('ignores comments, images, scripts, styles and SVG', () => {
    expect(
      htmlToText(
        '<p>a<!-- <p>no</p> --><img src="x.png" alt="alt">b</p><script>var s="</p>";</script><style>p{}</style><svg><text>no</text></svg><p>c</p>',
      ),
    ).toBe('ab\n\nc');
  });

  it('treats a stray < as text', () => {
    expect(htmlToText('<p>1 < 2 and 3 <= 4</p>')).toBe('1 < 2 and 3 <= 4');
  });

  it('reads sanitized HTML of a real-looking post', () => {
    const html = sanitizeHtml(
      '<div class="post"><h1>Харбин</h1><p>Город на&nbsp;Сунгари.<br>Основан в 1898&nbsp;году.</p><figure><img src="/a.jpg" alt="вид"><figcaption>Вид на собор</figcaption></figure></div>',
      'https://example.ru/',
    );
    expect(htmlToText(html)).toBe(
      'Харбин\n\nГород на Сунгари.\nОснован в 1898 году.\n\nВид на собор',
    );
  });

  it("gives the seed's HTML the same text the seed import stores", () => {
    const seed = parseSeed('Title\nA heading\nA paragraph with words.\nAnother one & more.\n');
    expect(htmlToText(seed.html)).toBe(seed.text);
  });

  it('returns an empty string for empty or markup-only input', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<p> </p><br><div></div>')).toBe('');
  });
});
