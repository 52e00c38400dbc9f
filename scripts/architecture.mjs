#!/usr/bin/env node
// Writes the layers of src/main/core into docs/architecture.md (the block between its
// core-layers markers), or with --check says whether that block is stale and exits 1 if it is.
// Usage: node scripts/architecture.mjs [--check] [--doc path/to/architecture.md]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreImportGraph, layersBlock, withLayersBlock } from './architecture/layers.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const docArg = args.indexOf('--doc');
const doc =
  docArg === -1 ? path.join(repo, 'docs/architecture.md') : path.resolve(args[docArg + 1]);

const current = readFileSync(doc, 'utf8');
const wanted = withLayersBlock(current, layersBlock(coreImportGraph(repo)));
if (check) {
  if (wanted !== current) {
    console.error(
      `${path.relative(repo, doc)}: the layers of src/main/core changed; run npm run docs:architecture`,
    );
    process.exit(1);
  }
  console.log(`${path.relative(repo, doc)}: the layers are up to date`);
} else if (wanted !== current) {
  writeFileSync(doc, wanted);
  console.log(`${path.relative(repo, doc)}: layers written`);
}
