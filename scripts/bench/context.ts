/** What every measurement gets: where the repo is, the words, a temp folder, and how many runs. */
import type { TempDir } from './temp-store';
import type { ZipfWords } from './words';

/** Shared by the measurements of one benchmark run. */
export interface BenchContext {
  repo: string;
  words: ZipfWords;
  temp: TempDir;
  /** Timed runs per figure after the warm-up (the median is reported). */
  runs: number;
  /** The built feed-server child (feed-server.cjs), for the refresh figure. */
  feedServerScript: string;
  /** The built pipeline worker (pipeline-worker.cjs), for the refresh figure. */
  pipelineWorkerScript: string;
  /** Parse in-process in the refresh figure, as before the worker (--in-process-parse). */
  inProcessParse: boolean;
}

type GcOptions = { type: 'minor' };

/**
 * Empties the young generation (node runs with --expose-gc), so one run's short-lived garbage is
 * not collected during the next. A minor GC, not a full one: a forced full GC before each run
 * threw away the JIT's optimized code of the parsers ("weak objects": ~45 deoptimizations per
 * run, as each run's parser objects died), so every timed run of a JS-heavy figure ran partly
 * unoptimized, as a busy app rarely does: rss-parser alone took 58 ms instead of 38 and the
 * pipeline 170 instead of 99, while SQLite's C code was unaffected (docs/technotes/benchmark.md,
 * "Garbage collection between runs"). `--full-gc` brings the full GC back, to compare.
 */
export function collectGarbage(full = process.env.FOLIO_BENCH_FULL_GC === '1'): void {
  const gc = (globalThis as { gc?: (options?: GcOptions) => void }).gc;
  // Node 20's gc() takes {type: 'minor'} (a scavenge); only gc() without options is a full GC
  // ({type: 'major'} scavenges too).
  if (full) gc?.();
  else gc?.({ type: 'minor' });
}
