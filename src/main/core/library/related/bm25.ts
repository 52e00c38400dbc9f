/**
 * Okapi BM25 over small in-memory documents (the related-feeds candidates). Pure: documents are
 * term counts, the query is weighted terms; nothing here knows about feeds.
 */

/** A document as BM25 sees it: term → count (counts may be fractional weights), and its length. */
export interface TermDoc {
  counts: ReadonlyMap<string, number>;
  length: number;
}

/** A query term with its weight (how much the query leans on it). */
export interface QueryTerm {
  term: string;
  weight: number;
}

/** The usual parameters: k1 saturates repeated terms, b normalizes by document length. */
export interface Bm25Params {
  k1: number;
  b: number;
}

const BM25_DEFAULTS: Bm25Params = { k1: 1.2, b: 0.75 };

/** One document's score and the query terms it matched, best contribution first. */
export interface Bm25Score {
  score: number;
  matched: string[];
}

/** Returns a TermDoc from counts (its length is the sum of the counts). */
export function termDoc(counts: ReadonlyMap<string, number>): TermDoc {
  let length = 0;
  for (const count of counts.values()) length += count;
  return { counts, length };
}

/** Returns term → number of documents holding it. */
export function documentFrequencies(docs: readonly TermDoc[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs)
    for (const term of doc.counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

/** The BM25 idf (the "+1" form, never negative, so very common terms still count a little). */
export function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/** Returns the BM25 score of every document for the query, in the documents' order. */
export function bm25Scores(
  query: readonly QueryTerm[],
  docs: readonly TermDoc[],
  { k1, b }: Bm25Params = BM25_DEFAULTS,
): Bm25Score[] {
  const n = docs.length;
  if (n === 0) return [];
  const avgLength = docs.reduce((sum, doc) => sum + doc.length, 0) / n || 1;
  // One look-up per (term, document): the counts found give both df and the scores.
  const tfs = query.map(({ term }) => docs.map((doc) => doc.counts.get(term) ?? 0));
  const weights = query.map(({ term, weight }, q) => {
    let df = 0;
    for (const tf of tfs[q] as number[]) if (tf > 0) df++;
    return { term, w: weight * idf(n, df) };
  });
  return docs.map((doc, d) => {
    const norm = k1 * (1 - b + (b * doc.length) / avgLength);
    const parts: [string, number][] = [];
    weights.forEach(({ term, w }, q) => {
      const tf = (tfs[q] as number[])[d] as number;
      if (tf > 0) parts.push([term, (w * tf * (k1 + 1)) / (tf + norm)]);
    });
    parts.sort((x, y) => y[1] - x[1]);
    return { score: parts.reduce((sum, [, s]) => sum + s, 0), matched: parts.map(([t]) => t) };
  });
}
