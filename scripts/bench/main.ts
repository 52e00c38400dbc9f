/**
 * The benchmark's entry (built by scripts/bench.mjs): runs each figure in order and
 * prints one JSON line per figure, then a summary line. `only` limits the run to some figures.
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import type { BenchContext } from './context';
import { benchIngest, makeDocuments, type IngestDocument } from './ingest';
import { buildLibrary } from './library';
import { benchMarkRead, benchSearch, benchUnreadCounts } from './library-queries';
import { benchAssets, benchExtraction } from './offline';
import { benchRefresh } from './refresh';
import { benchReingest } from './reingest';
import { emit, printedFigures } from './report';
import { makeTempDir } from './temp-store';
import { ensureLibrary } from './scale/library-cache';
import { benchLargeFeedAlone } from './scale/large-feed';
import { benchScale } from './scale/run-scale';
import { loadVocabulary, seededRandom, ZipfWords } from './words';

/** How bench.mjs calls the benchmark. */
export interface BenchOptions {
  repo: string;
  feedServerScript: string;
  /** The built pipeline worker the refresh figure parses in. */
  pipelineWorkerScript: string;
  /** The refresh figure parses in-process instead of in the worker. */
  inProcessParse: boolean;
  /**
   * Figure groups to run (ingest, reingest, library, scale, refresh, offline); all when empty.
   * `largefeed` (scale.largeFeed alone, `runs` times, no library) runs only when named: the
   * scale group measures it once already.
   */
  only: string[];
  runs: number;
  /** The built app-server child of the scale figures (app-server.cjs). */
  appServerScript: string;
  /** Articles in the scale library of the scale figures (100,000 unless --scale=N). */
  scale: number;
}

/** Runs the benchmark; resolves when every figure is printed. */
export async function runBenchmark(options: BenchOptions): Promise<void> {
  const started = performance.now();
  if (options.only.length === 1 && options.only[0] === 'build') {
    // --only=build: build (or find) the cached library for the others, and print nothing else.
    const library = await ensureLibrary(options.repo, options.scale, (line) =>
      console.error(`[build] ${line}`),
    );
    emit({
      figure: 'library.cached',
      file: library.file,
      source: library.source,
      ...library.stats,
    });
    return;
  }
  // Other work on the machine skews every figure: say how busy it was.
  const loadAtStart = loadavg()[0];
  const words = new ZipfWords(
    loadVocabulary(path.join(options.repo, 'scripts/bench/vocabulary.txt')),
    seededRandom(20250131),
  );
  const temp = makeTempDir('run');
  const ctx: BenchContext = {
    repo: options.repo,
    words,
    temp,
    runs: options.runs,
    feedServerScript: options.feedServerScript,
    pipelineWorkerScript: options.pipelineWorkerScript,
    inProcessParse: options.inProcessParse,
  };
  const wanted = (group: string): boolean =>
    options.only.length === 0 || options.only.includes(group);
  try {
    const docs = makeDocuments(ctx);
    if (wanted('ingest')) await benchIngest(ctx, docs);
    if (wanted('reingest')) await benchReingest(ctx, docs[0] as IngestDocument);
    if (wanted('library')) {
      const library = buildLibrary(ctx);
      emit({
        figure: 'library.build',
        value: library.buildSeconds,
        unit: 's',
        note: 'setup, not a target',
      });
      benchSearch(ctx, library);
      benchUnreadCounts(library);
      benchMarkRead(ctx, library);
      library.store.close();
    }
    if (wanted('scale')) {
      await benchScale(ctx, { articles: options.scale, appServerScript: options.appServerScript });
    }
    if (options.only.includes('largefeed')) {
      await benchLargeFeedAlone(ctx, options.appServerScript, options.runs);
    }
    if (wanted('refresh')) await benchRefresh(ctx);
    if (wanted('offline')) {
      benchExtraction(ctx);
      await benchAssets(ctx);
    }
  } finally {
    temp.cleanup();
  }
  const withTarget = printedFigures().filter((f) => f.met !== undefined);
  emit({
    figure: 'summary',
    value: (performance.now() - started) / 1000,
    unit: 's',
    targets: withTarget.length,
    met: withTarget.every((f) => f.met),
    missed: withTarget.filter((f) => !f.met).map((f) => f.figure),
    cpus: cpus().length,
    loadAverage: { start: loadAtStart, end: loadavg()[0] },
    node: process.version,
  });
}
