/**
 * The benchmark's output: one JSON line per figure on stdout, and the tallies for the summary
 * line. A figure with a target carries `target` and `met`, so a reader (or CI) can grep them.
 */

/** One printed figure: `value` in `unit`, plus whatever explains it (ratio, target, runs…). */
export interface Figure {
  figure: string;
  value?: number;
  unit?: string;
  target?: string;
  met?: boolean;
  [extra: string]: unknown;
}

const printed: Figure[] = [];

/** Prints `figure` as one JSON line (numbers rounded to 3 significant decimals). */
export function emit(figure: Figure): void {
  printed.push(figure);
  console.log(
    JSON.stringify(figure, (_key, value) => (typeof value === 'number' ? round(value) : value)),
  );
}

/** Returns every figure printed so far, in order. */
export function printedFigures(): readonly Figure[] {
  return printed;
}

/** Returns `n` rounded for reading: integers stay, others keep 3 decimals (or 3 significant). */
export function round(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return n;
  if (Math.abs(n) >= 1) return Math.round(n * 1000) / 1000;
  return Number(n.toPrecision(3));
}

/** Returns the median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Returns the p-th percentile of `values` by linear interpolation between ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (rank - low);
}

/** Returns the milliseconds `fn` took. */
export function timeSync(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Returns the milliseconds the promise of `fn` took to settle (resolved). */
export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
