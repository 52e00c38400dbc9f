/**
 * Realistic words for generated articles: a seeded random source and a Zipf-distributed sampler
 * over vocabulary.txt (4,000 real English words, most frequent first: the words of the READMEs in
 * node_modules found in Debian's /usr/share/dict/words, counted; see docs/technotes/benchmark.md).
 * Zipf (s = 1) is how word frequency falls off in English text, so FTS sees a few words in every
 * article and a long tail in few, as with real feeds.
 */
import { readFileSync } from 'node:fs';

/** A random source in [0, 1): the same seed gives the same articles on every run. */
export type Random = () => number;

/** Returns a seeded PRNG (mulberry32: tiny, fast, good enough for test data). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the vocabulary in `file`, one word a line, most frequent first. */
export function loadVocabulary(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Draws words with probability proportional to 1 / rank^s. */
export class ZipfWords {
  /**
   * 2^slotBits slots: with the default 20 the rarest of 4,000 words (p ≈ 3e-5) still gets ~30
   * of them; the 74,000 words of the scale libraries take 24 bits (p ≈ 1.1e-6, ~19 slots).
   */
  readonly #table: Uint32Array;

  constructor(
    readonly words: readonly string[],
    readonly random: Random,
    exponent = 1,
    slotBits = 20,
  ) {
    const weights = words.map((_, rank) => 1 / Math.pow(rank + 1, exponent));
    const total = weights.reduce((sum, w) => sum + w, 0);
    this.#table = new Uint32Array(1 << slotBits);
    let rank = 0;
    let cumulative = (weights[0] as number) / total;
    for (let slot = 0; slot < this.#table.length; slot++) {
      while ((slot + 0.5) / this.#table.length > cumulative && rank < words.length - 1) {
        rank++;
        cumulative += (weights[rank] as number) / total;
      }
      this.#table[slot] = rank;
    }
  }

  /** Returns one word. */
  word(): string {
    return this.words[this.#table[(this.random() * this.#table.length) | 0] as number] as string;
  }

  /** Returns the expected share of words that are the word of this rank (0-based). */
  share(rank: number): number {
    let slots = 0;
    for (const r of this.#table) if (r === rank) slots++;
    return slots / this.#table.length;
  }

  /** Returns a sentence of `min`..`max` words, capitalized, with a full stop. */
  sentence(min = 8, max = 20): string {
    const count = min + Math.floor(this.random() * (max - min + 1));
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(this.word());
    const first = parts[0] as string;
    parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${parts.join(' ')}.`;
  }

  /** Returns `min`..`max` sentences as one paragraph of text. */
  paragraph(min = 3, max = 6): string {
    const count = min + Math.floor(this.random() * (max - min + 1));
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) sentences.push(this.sentence());
    return sentences.join(' ');
  }
}
