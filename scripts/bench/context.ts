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

/** Calls `global.gc` when node runs with --expose-gc, so one run's garbage is not the next's. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
