/** PackedCounts answers as the Map it was made from: every term, its count, nothing else. */
import { describe, expect, it } from 'vitest';
import { PackedCounts } from '../../src/main/core/library/related/packed-counts';
import { termCounts } from '../../src/main/core/library/related/terms';

describe('PackedCounts', () => {
  it('holds the same counts as the Map, and no other term', () => {
    const map = termCounts(
      'Xi Jinping and Vladimir Putin met in Beijing; China and Russia, Russia and China, ' +
        'деловые связи, 中国 and ünïcödé words, sanctions sanctions sanctions.',
      1,
      termCounts('China Russia summit', 2),
    );
    const packed = new PackedCounts(map);
    expect(packed.size).toBe(map.size);
    for (const [term, count] of map) {
      expect(packed.get(term)).toBe(count);
      expect(packed.has(term)).toBe(true);
    }
    expect(new Map(packed)).toEqual(map);
    expect([...packed.keys()].sort()).toEqual([...map.keys()].sort());
    for (const absent of ['', 'chin', 'chinas', 'putin ', 'zz'])
      expect(packed.get(absent)).toBeUndefined();
  });

  it('finds every term of a large document, by hash then by the term itself', () => {
    const map = new Map(Array.from({ length: 50_000 }, (_, i) => [`t${i.toString(36)}`, i + 1]));
    const packed = new PackedCounts(map);
    for (const [term, count] of map) if (packed.get(term) !== count) throw new Error(term);
    expect(packed.get('t-1')).toBeUndefined();
  });
});
