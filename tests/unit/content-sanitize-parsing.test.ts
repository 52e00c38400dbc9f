import { describe, expect, it } from 'vitest';
import { sanitizeHtml, sanitizeToHtmlAndText } from '../../src/main/core/content/sanitize';

const BASE = 'https://blog.example.com/2026/post/';
const clean = (html: string): string => sanitizeHtml(html, BASE);

// HTML's parsing quirks, which sanitize-html handled for us before the single pass replaced it.
describe('sanitizeHtml on malformed markup', () => {
  it('closes what the feed left open, innermost first', () => {
    expect(clean('<div><p>one<em>two')).toBe('<div><p>one<em>two</em></p></div>');
  });

  it('ignores stray end tags (a stray </p> is an empty paragraph, as in browsers)', () => {
    expect(clean('</div><p>a</span></p></b>')).toBe('<p>a</p>');
    expect(clean('a</p>b')).toBe('a<p></p>b');
  });

  it('never closes void elements', () => {
    expect(clean('<p>a<br></br>b<img src="/i.png"></img></p>')).toBe(
      '<p>a<br /><br />b<img src="https://blog.example.com/i.png" /></p>',
    );
  });

  it('quotes and escapes every attribute value and escapes text', () => {
    expect(clean('<p title=\'a "b" <c> & d\'>1 &lt; 2 &amp;&amp; 3 > 2</p>')).toBe(
      '<p title="a &quot;b&quot; &lt;c&gt; &amp; d">1 &lt; 2 &amp;&amp; 3 &gt; 2</p>',
    );
  });

  it('drops comments, processing instructions and CDATA sections', () => {
    expect(
      clean('<p>a<!-- <script>x</script> -->b<?php echo 1 ?>c<![CDATA[ <b>x</b> ]]>d</p>'),
    ).toBe('<p>abcd</p>');
  });

  it('reads tag and attribute names in any case', () => {
    expect(clean('<P><A HREF="/x">Up</A></P><IMG SRC="/i.png">')).toBe(
      '<p><a href="https://blog.example.com/x" rel="noopener noreferrer">Up</a></p><img src="https://blog.example.com/i.png" />',
    );
  });

  it('keeps the first of duplicate attributes', () => {
    expect(clean('<a href="/first" href="javascript:alert(1)">x</a>')).toBe(
      '<a href="https://blog.example.com/first" rel="noopener noreferrer">x</a>',
    );
    // The refused first src is not replaced by the second: the image goes.
    expect(clean('<img src="javascript:x" src="/ok.png">')).toBe('');
  });

  it('keeps nested links as the feed wrote them, each with its rel', () => {
    expect(clean('<a href="/1">one <a href="/2">two</a></a>').match(/rel="noopener/g)).toHaveLength(
      2,
    );
  });

  it('never writes what raw-text elements hold, even unterminated at the end', () => {
    expect(clean('<p>a<script>document.write("<p>x</p>")</script><style>p{}</style>b</p>')).toBe(
      '<p>ab</p>',
    );
    expect(clean('<p>a</p><script>var s = "</p>')).toBe('<p>a</p>');
    // The next call starts clean (htmlparser2's reset() would have stayed inside the script).
    expect(sanitizeToHtmlAndText('<p>after</p>', BASE)).toEqual({
      html: '<p>after</p>',
      text: 'after',
    });
  });
});

describe('sanitizeHtml attribute values', () => {
  it('writes srcset descriptors as numbers and drops invalid candidates', () => {
    expect(clean('<img src="/i.png" srcset="a.jpg 2.0x, b.jpg 0x, c.jpg 0w, d.jpg 007w">')).toBe(
      '<img src="https://blog.example.com/i.png" srcset="https://blog.example.com/2026/post/a.jpg 2x, https://blog.example.com/2026/post/b.jpg, https://blog.example.com/2026/post/d.jpg 7w" />',
    );
  });

  it('writes empty flags as name="", drops empty values that mean nothing, keeps reversed', () => {
    expect(
      clean('<ol reversed="" start=""><li value="">x</li></ol><img src="/a.png" alt="" title="">'),
    ).toBe('<ol reversed><li>x</li></ol><img src="https://blog.example.com/a.png" alt="" />');
  });

  it('adds controls to players and drops autoplay', () => {
    expect(clean('<audio autoplay src="/a.mp3" controls="no"></audio>')).toBe(
      '<audio src="https://blog.example.com/a.mp3" controls=""></audio>',
    );
  });
});
