/**
 * Sampling for the scale figures: repeat a timed call until enough samples or a time budget (so
 * a figure that takes seconds today does not take the run hostage), then print it as a p95
 * figure against its target.
 */
import { emit, percentile } from '../report';
import type { CallResult } from './served-library';

/** How many times to call: after `warmup` untimed calls, `samples` timed, within `budgetMs`. */
export interface SampleSpec {
  warmup?: number;
  samples?: number;
  /** Stop sampling once this much time went by (at least `minSamples` are taken). */
  budgetMs?: number;
  minSamples?: number;
}

/** Returns the milliseconds of each timed run of `run` (which resolves with its own ms). */
export async function sample(
  run: (index: number) => Promise<number>,
  spec: SampleSpec = {},
): Promise<number[]> {
  const { warmup = 2, samples = 40, budgetMs = 15_000, minSamples = 3 } = spec;
  let index = 0;
  for (let i = 0; i < warmup; i++) await run(index++);
  const times: number[] = [];
  const start = performance.now();
  while (
    times.length < samples &&
    (times.length < minSamples || performance.now() - start < budgetMs)
  ) {
    times.push(await run(index++));
  }
  return times;
}

/** Returns the call's ms, throwing when the Api answered with an error. */
export function okMs(result: CallResult, what: string): number {
  if (result.status !== 200) {
    throw new Error(`${what} failed (${result.status}): ${JSON.stringify(result.body)}`);
  }
  return result.ms;
}

/** Prints `times` as a figure: value = p95 in ms, met when p95 < `targetMs`. */
export function emitP95(
  figure: string,
  times: readonly number[],
  targetMs: number,
  extra: Record<string, unknown> = {},
): void {
  const p95 = percentile(times, 95);
  emit({
    figure,
    value: p95,
    unit: 'ms',
    p50: percentile(times, 50),
    max: Math.max(...times),
    samples: times.length,
    ...extra,
    target: `p95 < ${targetMs} ms`,
    met: p95 < targetMs,
  });
}
