// The scale benchmark's pure helpers: the Zipf sampler over the large vocabulary, the feed-size
// picker, the read share, and the cache's file names (scripts/bench/scale/).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVocabulary, seededRandom, ZipfWords } from '../../scripts/bench/words';
import {
  FEEDS,
  feedPicker,
  isRead,
  lowerBound,
  READ_SHARE,
} from '../../scripts/bench/scale/library-shape';
import { libraryFileName } from '../../scripts/bench/scale/library-cache';
import { MIGRATIONS } from '../../src/main/core/storage/migrations';

const vocabulary = loadVocabulary(path.join(__dirname, '../../scripts/bench/subtlex-words.txt'));

describe('the scale vocabulary', () => {
  it('has tens of thousands of distinct lower-case words, most frequent first', () => {
    expect(vocabulary.length).toBeGreaterThan(70_000);
    expect(new Set(vocabulary).size).toBe(vocabulary.length);
    expect(vocabulary.every((w) => /^[a-z]+$/.test(w))).toBe(true);
    expect(vocabulary.slice(0, 5)).toContain('the');
  });

  it('is sampled as Zipf even for the rarest words (24-bit table)', () => {
    const words = new ZipfWords(vocabulary, seededRandom(1), 1, 24);
    let harmonic = 0;
    for (let rank = 1; rank <= vocabulary.length; rank++) harmonic += 1 / rank;
    // The rarest word keeps a share close to 1 / (n H): a 20-bit table would give it none.
    const rarest = words.share(vocabulary.length - 1);
    expect(rarest).toBeGreaterThan(0);
    expect(rarest / (1 / (vocabulary.length * harmonic))).toBeCloseTo(1, 0);
    expect(words.share(0) / (1 / harmonic)).toBeCloseTo(1, 1);
  });

  it('gives the same words for the same seed', () => {
    const a = new ZipfWords(vocabulary, seededRandom(5), 1, 24);
    const b = new ZipfWords(vocabulary, seededRandom(5), 1, 24);
    expect(a.paragraph()).toBe(b.paragraph());
  });
});

describe('the library shape', () => {
  it('lowerBound finds the first value at or above x', () => {
    const values = new Float64Array([1, 3, 3, 7]);
    expect(lowerBound(values, 0)).toBe(0);
    expect(lowerBound(values, 3)).toBe(1);
    expect(lowerBound(values, 4)).toBe(3);
    expect(lowerBound(values, 99)).toBe(3);
  });

  it('spreads articles unevenly: a few big feeds, many small, every feed some', () => {
    const pick = feedPicker(seededRandom(3));
    const counts = new Array<number>(FEEDS).fill(0);
    for (let i = 0; i < 200_000; i++) {
      const feed = pick();
      counts[feed] = (counts[feed] as number) + 1;
    }
    const sorted = [...counts].sort((a, b) => b - a);
    const biggest = sorted[0] as number;
    expect(biggest).toBeGreaterThan(10_000); // ~6.4% of all
    expect(sorted[FEEDS - 1]).toBeGreaterThan(0);
    expect(sorted[FEEDS / 2]).toBeLessThan(biggest / 50);
    // The biggest feed is not simply the first one.
    expect(counts.indexOf(biggest)).not.toBe(0);
  });

  it('reads about 70% of the articles, older ones more', () => {
    const random = seededRandom(9);
    const n = 100_000;
    let read = 0;
    let newestRead = 0;
    for (let i = 0; i < n; i++) {
      if (isRead(random, i, n)) {
        read++;
        if (i >= n * (1 - READ_SHARE.newestShare)) newestRead++;
      }
    }
    expect(read / n).toBeCloseTo(0.7, 1);
    expect(newestRead / (n * READ_SHARE.newestShare)).toBeLessThan(0.3);
  });

  it('names cached files by scale, generator and schema', () => {
    expect(libraryFileName(1_000_000)).toMatch(
      new RegExp(`^library-1000000-g\\d+-s${MIGRATIONS.length}\\.db$`),
    );
    expect(libraryFileName(100_000, 3)).toMatch(/-s3\.db$/);
  });
});
