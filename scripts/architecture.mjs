#!/usr/bin/env node
// Writes the layers of src/main/core into docs/architecture.md (the block between its
// core-layers markers), or with --check says whether that block is stale and exits 1 if it is.
// Usage: node scripts/architecture.mjs [--check] [--file=docs/architecture.md]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreImportGraph, layersBlock, withLayersBlock } from './architecture/layers.mjs';
import { writeOrCheck } from './lib/generated-file.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const file = path.resolve(
  repo,
  args.find((a) => a.startsWith('--file='))?.slice('--file='.length) ?? 'docs/architecture.md',
);
const relative = path.relative(repo, file);

writeOrCheck({
  file,
  generated: withLayersBlock(readFileSync(file, 'utf8'), layersBlock(coreImportGraph(repo))),
  check: args.includes('--check'),
  written: `${relative}: layers written`,
  upToDate: `${relative}: the layers are up to date`,
  stale: (where) =>
    `${relative}: the layers of src/main/core changed (${where}); run npm run docs:architecture`,
});
