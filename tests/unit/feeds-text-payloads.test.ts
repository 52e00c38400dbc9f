// Bodies lifted out of the document before the XML parser (text-payloads.ts) must come back
// exactly as the parser would have read them, and never change which documents parse strictly.
// Each case is parsed twice through the real parseFeedText: as is, and with a U+FDD0 in a
// comment, which turns lifting off for that document (the reference).
import { describe, expect, it } from 'vitest';
import { escapeInlineMarkup } from '../../src/main/core/feeds/inline-markup';
import { parseFeedText } from '../../src/main/core/feeds/parse';
import { TextPayloads, textContentValue } from '../../src/main/core/feeds/text-payloads';

const PAD = ' padding'.repeat(20); // over the 128 characters below which nothing is lifted

function rss(description: string, encoded = '', eol = '\n'): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
    `<title>T</title><description>${description}</description>`,
    `<item><title>A</title><guid>a</guid><description>${description}</description>`,
    encoded ? `<content:encoded>${encoded}</content:encoded>` : '',
    '</item></channel></rss>',
  ].join(eol);
}

function atom(content: string): string {
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><id>urn:a</id><title>A</title><summary type="html">${content}</summary>
<content type="html">${content}</content></entry></feed>`;
}

async function outcome(xml: string): Promise<unknown> {
  try {
    return await parseFeedText(xml);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Parses `xml` with and without lifting; returns both and how many bodies were lifted. */
async function both(xml: string) {
  const payloads = new TextPayloads(xml);
  escapeInlineMarkup(xml, payloads);
  // The mark in a comment inside the root: the same document to the parser, nothing lifted.
  const off = xml.replace(/(<(rss|feed)\b[^>]*>)/, '$1<!-- \uFDD0 -->');
  return { lifted: payloads.size, actual: await outcome(xml), expected: await outcome(off) };
}

describe('lifted bodies read as the XML parser reads them', () => {
  const cases: Record<string, string> = {
    'escaped HTML': `&lt;p class=&quot;x&quot;&gt;Tom &amp;amp; Jerry&apos;s &lt;b&gt;day&lt;/b&gt;&lt;/p&gt;${PAD}`,
    'double escaped entities stay escaped once': `&amp;lt;p&amp;gt; &amp;amp;nbsp; &amp;#8217;${PAD}`,
    'character references': `caf&#233; &#x2019; &#x4a; &#x1F600; &#0065; &#x0041; &#xfeff;${PAD}`,
    'text and CDATA joined': `\n  lead &amp; <![CDATA[<p>a ] b ]] c</p>]]> mid <![CDATA[]]> end${PAD}\n`,
    'CR LF line ends kept as written': `one\r\ntwo &amp; <![CDATA[three\r\nfour]]>${PAD}`,
    'only CDATA with surrounding blanks': `\n    <![CDATA[<p>Body with &amp; kept raw</p>${PAD}]]>\n  `,
  };
  for (const [name, body] of Object.entries(cases)) {
    it(name, async () => {
      for (const xml of [rss(body, body), atom(body), rss(body, body, '\r\n')]) {
        const { lifted, actual, expected } = await both(xml);
        expect(lifted).toBeGreaterThan(0);
        expect(actual).toEqual(expected);
      }
    });
  }
});

describe('content the strict parser refuses (or might) is never lifted', () => {
  const cases: Record<string, string> = {
    'an upper-case X in a reference (sax takes it; not worth a rule)': `&#X41;${PAD}`,
    'an HTML entity': `caf&eacute; &nbsp;${PAD}`,
    'an upper-case entity name': `Tom &AMP; Jerry${PAD}`,
    'a bare ampersand': `Tom & Jerry${PAD}`,
    'a reference to NUL': `a&#0;b${PAD}`,
    'a reference to a surrogate': `a&#xD800;b${PAD}`,
    'a reference beyond Unicode': `a&#1114112;b${PAD}`,
    'a raw greater-than': `a > b${PAD}`,
    'a CDATA end in text': `a ]]> b${PAD}`,
    'an unclosed CDATA': `a <![CDATA[ b${PAD}`,
    'whitespace only': `${' &#32;'.repeat(40)}`,
  };
  for (const [name, body] of Object.entries(cases)) {
    it(name, async () => {
      for (const xml of [rss(body, body), atom(body)]) {
        const { lifted, actual, expected } = await both(xml);
        expect(lifted).toBe(0);
        expect(actual).toEqual(expected);
      }
    });
  }
});

describe('TextPayloads', () => {
  it('leaves a document that already holds the placeholder mark whole', () => {
    const payloads = new TextPayloads(`<x>\uFDD0</x>`);
    expect(payloads.lift(`text ${PAD}`)).toBeNull();
  });

  it('gives back the lifted value for its placeholder only', () => {
    const payloads = new TextPayloads('<rss/>');
    const placeholder = payloads.lift(`a &amp; b${PAD}`)!;
    expect(payloads.restore(placeholder)).toBe(`a & b${PAD}`);
    expect(payloads.restore('\uFDD07\uFDD0')).toBe('\uFDD07\uFDD0');
    expect(payloads.restore('plain')).toBe('plain');
  });

  it('reads text and CDATA as one value', () => {
    expect(textContentValue('a &lt;b&gt; <![CDATA[&lt;c]]> &#x41;')).toBe('a <b> &lt;c A');
    expect(textContentValue('<p>markup</p>')).toBeNull();
  });
});
