/**
 * Many rows per statement, for the writes that FTS5 indexes. FTS5 writes its pending terms out
 * as a new segment at every statement that writes to the index (each one opens a savepoint), so
 * 1,000 one-row INSERTs with the FTS trigger leave 1,000 tiny segments to merge: 190 ms, against
 * 85 ms for the same rows in 64-row statements (docs/technotes/storage.md, "Feed updates").
 */

/** Rows per statement: ~15 parameters each stays far under SQLite's 32,766. */
export const MAX_BATCH = 64;

/**
 * Returns the sizes to cut `count` rows into: MAX_BATCH as often as it fits, then the powers of
 * two of the rest (64, 64, 16, 4, 1 for 149), so a connection compiles at most 7 shapes of each
 * statement however many rows come.
 */
export function batchSizes(count: number): number[] {
  const sizes: number[] = [];
  let left = count;
  while (left >= MAX_BATCH) {
    sizes.push(MAX_BATCH);
    left -= MAX_BATCH;
  }
  for (let size = MAX_BATCH / 2; size >= 1; size /= 2) {
    if (left >= size) {
      sizes.push(size);
      left -= size;
    }
  }
  return sizes;
}

/** Returns `tuple` repeated `rows` times, comma-separated: a multi-row VALUES list. */
export function valuesList(tuple: string, rows: number): string {
  return Array.from({ length: rows }, () => tuple).join(', ');
}

/** Returns `items` cut into consecutive slices of batchSizes(items.length). */
export function inBatches<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  let start = 0;
  for (const size of batchSizes(items.length)) {
    batches.push(items.slice(start, start + size));
    start += size;
  }
  return batches;
}
