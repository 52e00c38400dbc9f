/**
 * Term counts kept for a long time (the subscriptions' documents, subscription-docs.ts) in far
 * less memory than a Map: the terms and their counts in arrays sorted by the terms' hashes, a
 * look-up a binary search over integers. A thousand subscriptions' documents (about 900 terms each) took 79 MB
 * of heap as Maps and take 28 MB packed, with the same rankings; cutting them to their 200 most
 * frequent terms instead (34 MB) lost the terms said once, which a rare key term matches.
 */

/** Returns a 32-bit FNV-1a hash of a term: the sort key, so a look-up compares integers. */
function hashOf(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** A read-only term → count map over arrays sorted by the terms' hashes. */
export class PackedCounts implements ReadonlyMap<string, number> {
  readonly #hashes: Int32Array;
  readonly #terms: string[];
  readonly #counts: Float32Array;

  /** Packs `counts` (integers or small fractions: Float32 keeps them exactly). */
  constructor(counts: ReadonlyMap<string, number>) {
    const entries = [...counts].map(([term, count]) => ({ term, count, hash: hashOf(term) }));
    entries.sort((a, b) => a.hash - b.hash);
    this.#hashes = Int32Array.from(entries, (e) => e.hash);
    this.#terms = entries.map((e) => e.term);
    this.#counts = Float32Array.from(entries, (e) => e.count);
  }

  get size(): number {
    return this.#terms.length;
  }

  /** Returns the count of `term`, or undefined when the document lacks it. */
  get(term: string): number | undefined {
    const hash = hashOf(term);
    const hashes = this.#hashes;
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((hashes[mid] as number) < hash) lo = mid + 1;
      else hi = mid;
    }
    // The first entry with this hash; another term may share it (rarely): check each.
    for (let i = lo; i < hashes.length && hashes[i] === hash; i++)
      if (this.#terms[i] === term) return this.#counts[i];
    return undefined;
  }

  has(term: string): boolean {
    return this.get(term) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.#terms.length; i++)
      yield [this.#terms[i] as string, this.#counts[i] as number];
  }

  *keys(): MapIterator<string> {
    yield* this.#terms;
  }

  *values(): MapIterator<number> {
    yield* this.#counts;
  }

  forEach(fn: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [key, value] of this.entries()) fn(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}
