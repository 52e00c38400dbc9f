// Anchoring of highlights (src/shared/anchoring): selectors, re-anchoring after the article's
// text changes, whitespace, overlaps. The text is the seed's, built by the real seed parser and
// by htmlToText, as the app stores it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  anchorQuote,
  createAnchorer,
  describeRange,
  normalizeForMatch,
  segmentRanges,
  type QuoteSelector,
} from '../../src/shared/anchoring';
import { parseSeed } from '../../src/main/core/library/seed';
import { htmlToText } from '../../src/main/core/content/html-text';

const seed = parseSeed(readFileSync('resources/seed/harbin-visit.txt', 'utf8'));
const text = seed.text;

/** The selector of the first occurrence of `quote` in `source` (after `from`). */
function select(source: string, quote: string, from = 0): QuoteSelector {
  const start = source.indexOf(quote, from);
  if (start === -1) throw new Error(`not in text: ${quote}`);
  return describeRange(source, start, start + quote.length);
}

/** The text `anchor` found, or null. */
function found(source: string, selector: QuoteSelector): string | null {
  const anchor = anchorQuote(source, selector);
  return anchor && source.slice(anchor.start, anchor.end);
}

describe('describeRange', () => {
  it('keeps 32 characters of context on each side', () => {
    const s = select(text, 'Harbin Institute of Technology');
    expect(s.exact).toBe('Harbin Institute of Technology');
    expect(s.prefix).toBe('diplomatic mission, Putin visited the '.slice(-32));
    expect(s.suffix).toBe('. Here, he met with both students'.slice(0, 32));
    expect(text.slice(s.start, s.end)).toBe(s.exact);
  });

  it('has shorter context at the ends of the text', () => {
    const first = describeRange(text, 0, 2);
    expect(first.prefix).toBe('');
    const last = describeRange(text, text.length - 5, text.length);
    expect(last.suffix).toBe('');
  });

  it('never cuts a surrogate pair at the edge of its context', () => {
    // The 32nd character before the quote is the low half of 🇨 (U+1F1E8): dropped with its pair.
    const source = '🇷🇺🇨🇳 ' + 'x'.repeat(30) + 'Harbin' + 'y'.repeat(31) + '🎉 end';
    const start = source.indexOf('Harbin');
    const s = describeRange(source, start, start + 6);
    expect(s.prefix).toBe(' ' + 'x'.repeat(30));
    expect(s.suffix).toBe('y'.repeat(31));
    expect(s.prefix.length).toBe(31);
    expect(isWellFormed(s.prefix + s.exact + s.suffix)).toBe(true);
    expect(anchorQuote(source, s)).toEqual({ start, end: start + 6, method: 'position' });
  });

  it('moves offsets that split a pair outwards', () => {
    const source = 'Fireworks 🎆 over the Songhua';
    const emoji = source.indexOf('🎆');
    const s = describeRange(source, emoji + 1, emoji + 7);
    expect(s.exact).toBe('🎆 over');
    expect(s.start).toBe(emoji);
  });

  it('throws on offsets outside the text', () => {
    expect(() => describeRange('abc', 2, 5)).toThrow(RangeError);
    expect(() => describeRange('abc', 2, 1)).toThrow(RangeError);
  });
});

describe('anchorQuote', () => {
  const quote = 'signals a coordinated effort to create a counterbalancing weight';

  it('finds an unchanged highlight at its position', () => {
    const s = select(text, quote);
    expect(anchorQuote(text, s)).toEqual({ start: s.start, end: s.end, method: 'position' });
  });

  it('follows the text when a paragraph is inserted before it', () => {
    const s = select(text, quote);
    const updated = 'Editor’s note: this article was updated on 18 May.\n\n' + text;
    const anchor = anchorQuote(updated, s);
    expect(anchor?.method).toBe('quote');
    expect(updated.slice(anchor!.start, anchor!.end)).toBe(quote);
    expect(anchor!.start).toBe(s.start + 52);
  });

  it('keeps the position when one side of the context was edited in place', () => {
    const s = select(text, 'comprehensive joint statement');
    // "undeniably" → "absolutely": same length, the prefix no longer agrees, the suffix does.
    const updated = text.replace('was undeniably the', 'was absolutely the');
    expect(anchorQuote(updated, s)).toEqual({ start: s.start, end: s.end, method: 'position' });
  });

  it('finds the quote when its context was edited and it moved', () => {
    const s = select(text, 'comprehensive joint statement signed with Xi Jinping');
    const updated = text.replace(
      "The cornerstone of Putin's China visit was undeniably the",
      'The centrepiece of the trip was the',
    );
    const anchor = anchorQuote(updated, s);
    expect(anchor?.method).toBe('quote');
    expect(updated.slice(anchor!.start, anchor!.end)).toBe(s.exact);
  });

  it('finds a slightly edited quote with a fuzzy match', () => {
    const s = select(text, "Harbin's nickname stems from its large Russian population");
    const updated = text.replace('its large Russian population', 'its big Russian population');
    expect(found(updated, s)).toBe("Harbin's nickname stems from its big Russian population");
    expect(anchorQuote(updated, s)?.method).toBe('fuzzy');
  });

  it('finds a long edited paragraph (longer than the 32-character pattern word)', () => {
    const paragraph = text.split('\n\n').find((p) => p.startsWith('On the economic front'))!;
    const s = select(text, paragraph);
    const edited = paragraph
      .replace('unlock new potentials', 'unlock new potential')
      .replace('incubators', 'incubator');
    const updated = text.replace(paragraph, edited);
    const anchor = anchorQuote('Breaking: a new paragraph on top.\n\n' + updated, s);
    expect(anchor?.method).toBe('fuzzy');
    expect(
      ('Breaking: a new paragraph on top.\n\n' + updated).slice(anchor!.start, anchor!.end),
    ).toBe(edited);
  });

  it('finds a long quote whose middle was rewritten beyond 32 edits by its two ends', () => {
    const paragraph = text.split('\n\n').find((p) => p.startsWith('The Russian president'))!;
    const s = select(text, paragraph);
    const middle = 'The expo, a crucial platform for trade and economic dialogue,';
    expect(paragraph).toContain(middle);
    const edited = paragraph.replace(middle, 'At the fair, which drew exhibitors from 30 regions,');
    const updated = 'Corrected on 19 May.\n\n' + text.replace(paragraph, edited);
    const anchor = anchorQuote(updated, s);
    expect(anchor?.method).toBe('fuzzy');
    expect(updated.slice(anchor!.start, anchor!.end)).toBe(edited);
  });

  it('returns null (orphaned) when the passage is gone', () => {
    const paragraph = text.split('\n\n').find((p) => p.startsWith('Adding a historical'))!;
    const s = select(text, 'gala celebration marking 75 years of diplomatic relations');
    expect(anchorQuote(text.replace(paragraph + '\n\n', ''), s)).toBeNull();
  });

  it('orphans a short quote rather than place it where its context disagrees', () => {
    // "Expo" is still in the text twice, but the sentence around this one was rewritten.
    const s = select(text, 'Expo', text.indexOf('The forums and Expo'));
    const updated = text.replace('The forums and Expo serve', 'The forums and fairs serve');
    expect(anchorQuote(updated, s)).toBeNull();
  });

  it('chooses the right one of a repeated quote by its context', () => {
    // "Putin" occurs in many paragraphs; the highlight is the one in the conclusion.
    const at = text.indexOf("Putin's visit to Harbin, and the subsequent");
    const s = describeRange(text, at, at + 'Putin'.length);
    const updated = 'Update: the Kremlin confirmed the dates.\n\n' + text;
    const anchor = anchorQuote(updated, s)!;
    expect(anchor.method).toBe('quote');
    expect(updated.slice(anchor.start, anchor.start + 40)).toBe(
      "Putin's visit to Harbin, and the subsequ",
    );
  });

  it('does not trust a short quote at its old offsets when both sides of it changed', () => {
    const source = 'We met the mayor. Then the governor arrived.';
    const s = select(source, 'the', source.indexOf('the governor'));
    // After the edit another "the" sits at the old offsets, with other words around it.
    const updated = 'Yesterday the mayor. We met the governor arrived.'.replace(
      'arrived',
      'who arrived',
    );
    const anchor = anchorQuote(updated, s)!;
    expect(updated.slice(anchor.start, anchor.start + 12)).toBe('the governor');
  });

  it('reuses one collapsed view for many highlights', () => {
    const anchor = createAnchorer('Preface.\n\n' + text);
    const a = anchor(select(text, 'Deepening Academic Ties'));
    const b = anchor(select(text, 'multipolar world'));
    expect([a?.method, b?.method]).toEqual(['quote', 'quote']);
  });
});

describe('whitespace and inline elements', () => {
  it('matches a quote across blocks whether it has "\\n\\n", "\\n" or a space between them', () => {
    const heading = 'Deepening Academic Ties';
    const at = text.indexOf(heading);
    const s = describeRange(text, at, at + heading.length + 30);
    expect(s.exact).toContain('Ties\n\nAdding');
    // The same passage, from a browser selection that joined the blocks with one newline.
    const fromDom = { ...s, exact: s.exact.replace('\n\n', '\n'), start: 0, end: 0 };
    expect(found(text, fromDom)).toBe(s.exact);
    // A later version of the article made the heading part of the paragraph.
    const merged = text.replace('Ties\n\nAdding', 'Ties Adding');
    expect(found(merged, s)).toBe('Deepening Academic Ties Adding a substantial layer t');
  });

  it('matches non-breaking spaces and stray edge whitespace in the quote', () => {
    const s = select(text, "often referred to as 'Little Moscow'");
    const fromDom = {
      ...s,
      exact: "often\u00a0referred to as 'Little\u00a0Moscow'\n",
      start: -1,
      end: -1,
    };
    expect(found(text, fromDom)).toBe("often referred to as 'Little Moscow'");
    expect(normalizeForMatch('a\u00a0\n\n b\tc')).toBe('a b c');
  });

  it('anchors across inline elements, through a change of markup', () => {
    const before = htmlToText(
      '<h2>Deepening Academic Ties</h2><p>Putin visited the <a href="https://www.hit.edu.cn/">Harbin ' +
        'Institute of <em>Technology</em></a>. Here, he met with both students and faculty.</p>',
    );
    const s = select(before, 'visited the Harbin Institute of Technology. Here');
    // The feed's next version drops the link and wraps the line inside the element.
    const after = htmlToText(
      '<h2>Deepening Academic Ties</h2><p>Putin visited\n  the <strong>Harbin</strong>\n' +
        'Institute of Technology. Here, he met with both students and faculty members.</p>',
    );
    expect(after).toContain('visited the Harbin Institute of Technology. Here');
    expect(anchorQuote(after, s)).toEqual({ start: s.start, end: s.end, method: 'position' });
  });

  it('anchors in text whose <br> became a space', () => {
    const before = htmlToText('<p>Harbin, 17 May<br>Putin arrives in the city</p>');
    expect(before).toBe('Harbin, 17 May\nPutin arrives in the city');
    const s = select(before, 'May\nPutin arrives');
    const after = htmlToText('<p>Harbin, 17 May — Putin arrives in the city</p>');
    // Two characters more in 17: within the fuzzy budget, and the context agrees.
    expect(found(after, s)).toBe('May — Putin arrives');
    const spaced = htmlToText('<p>Harbin, 17 May Putin arrives in the city</p>');
    expect(found(spaced, s)).toBe('May Putin arrives');
  });
});

describe('segmentRanges', () => {
  it('splits overlapping highlights into segments, innermost on top', () => {
    const segments = segmentRanges([
      { id: 1, start: 0, end: 100 }, // a paragraph
      { id: 2, start: 20, end: 30 }, // a phrase inside it, created later
      { id: 3, start: 90, end: 120 }, // overlapping the paragraph's end
    ]);
    expect(segments).toEqual([
      { start: 0, end: 20, ids: [1], top: 1 },
      { start: 20, end: 30, ids: [1, 2], top: 2 },
      { start: 30, end: 90, ids: [1], top: 1 },
      { start: 90, end: 100, ids: [1, 3], top: 3 },
      { start: 100, end: 120, ids: [3], top: 3 },
    ]);
  });

  it('keeps the inner highlight on top when the outer one came later', () => {
    const segments = segmentRanges([
      { id: 'phrase', start: 20, end: 30 },
      { id: 'paragraph', start: 0, end: 100 },
    ]);
    expect(segments[1]).toEqual({
      start: 20,
      end: 30,
      ids: ['phrase', 'paragraph'],
      top: 'phrase',
    });
  });

  it('keeps touching highlights apart and breaks ties by the latest', () => {
    expect(
      segmentRanges([
        { id: 1, start: 10, end: 20 },
        { id: 2, start: 20, end: 30 },
        { id: 3, start: 10, end: 20 },
        { id: 4, start: 40, end: 40 }, // empty: covers nothing
      ]),
    ).toEqual([
      { start: 10, end: 20, ids: [1, 3], top: 3 },
      { start: 20, end: 30, ids: [2], top: 2 },
    ]);
  });
});

describe('a long article with many highlights', () => {
  // About 50 KB: the seed's paragraphs ten times over, each copy numbered, as a long read.
  const paragraphs = text.split('\n\n');
  const long = Array.from({ length: 10 }, (_, part) =>
    paragraphs.map((p) => `${p} (part ${part + 1})`).join('\n\n'),
  ).join('\n\n');
  // 50 highlights: a 6-word phrase from every 1,000th character.
  const selectors = Array.from({ length: 50 }, (_, i) => {
    const from = long.indexOf(' ', i * 1000) + 1;
    const words = long.slice(from).split(' ').slice(0, 6).join(' ');
    return describeRange(long, from, from + words.length);
  });

  it('places every highlight by position when the text is unchanged', () => {
    expect(long.length).toBeGreaterThan(50_000);
    const anchor = createAnchorer(long);
    for (const s of selectors) {
      expect(anchor(s)).toEqual({ start: s.start, end: s.end, method: 'position' });
    }
  });

  it('places every highlight in the right copy after edits above them', () => {
    const updated = 'A new introduction.\n\n' + long.replace('(part 3)', '(third part, revised)');
    const anchor = createAnchorer(updated);
    for (const s of selectors) {
      const a = anchor(s);
      expect(a).not.toBeNull();
      expect(updated.slice(a!.start, a!.end)).toBe(s.exact);
      // Within a few characters of where it was: the right copy of a repeated sentence.
      expect(Math.abs(a!.start - s.start)).toBeLessThan(40);
    }
  });
});

function isWellFormed(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}
