#!/usr/bin/env node
// The benchmark (npm run bench): bundles scripts/bench/*.ts for Node into .cache/bench/ and
// runs it in a child node with --expose-gc, printing one JSON line per figure.
// Usage: node scripts/bench.mjs [--only=ingest,reingest,library,refresh,offline,scale] [--runs=9] [--cpu-prof]
//          [--scale=1000000] (the scale figures on the 1M library instead of the 100k one)
//          [--only=build] (only build or find the cached scale library, in FOLIO_BENCH_CACHE or
//          .cache/bench-libraries/, and exit); FOLIO_BENCH_LIBRARY_COPY=<file> uses an existing
//          copy of the library in place (and changes it) instead of copying the cached one
//          [--only=largefeed] (only scale.largeFeed, in --runs fresh app processes; no library)
//          [--in-process-parse] (the refresh figure without the pipeline worker, to compare)
//          [--full-gc] (a full GC before each timed run instead of a minor one, to compare)
// What each figure means: docs/technotes/benchmark.md.
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForNode } from './lib/build-node.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const outDir = path.join(repo, '.cache/bench');

// CommonJS output: tests/helpers/fixture-server.ts (used for figure 2) reads __dirname.
const built = await buildForNode({
  root: repo,
  outDir,
  format: 'cjs',
  entries: {
    main: path.join(repo, 'scripts/bench/main.ts'),
    'feed-server': path.join(repo, 'scripts/bench/feed-server.ts'),
    // The refresh figure parses in this worker, as the app does (PipelinePool).
    'pipeline-worker': path.join(repo, 'src/main/core/feeds/pipeline-worker.ts'),
    // The reader threads of the scale figures' served app.
    'reader-worker': path.join(repo, 'src/main/core/library/readers/reader-worker.ts'),
    // The scale figures' served app (scripts/bench/scale/app-server.ts).
    'app-server': path.join(repo, 'scripts/bench/scale/app-server.ts'),
  },
});
// openApp looks for its parse worker as pipeline-worker.js beside the code (as out/main has it).
copyFileSync(built.file('pipeline-worker'), path.join(outDir, 'pipeline-worker.js'));

const options = {
  repo,
  feedServerScript: built.file('feed-server'),
  appServerScript: built.file('app-server'),
  pipelineWorkerScript: built.file('pipeline-worker'),
  inProcessParse: args.includes('--in-process-parse'),
  only: option('only', '').split(',').filter(Boolean),
  runs: Number(option('runs', '9')),
  scale: Number(option('scale', '100000')),
};
const runner = `require(${JSON.stringify(built.file('main'))}).runBenchmark(${JSON.stringify(options)})
  .catch((error) => { console.error(error); process.exit(1); });`;
const nodeFlags = [
  '--expose-gc',
  ...(args.includes('--cpu-prof')
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(repo, '.cache/bench-profiles')}`]
    : []),
];
const child = spawn(process.execPath, [...nodeFlags, '-e', runner], {
  stdio: 'inherit',
  cwd: repo,
  env: { ...process.env, FOLIO_BENCH_FULL_GC: args.includes('--full-gc') ? '1' : '0' },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
