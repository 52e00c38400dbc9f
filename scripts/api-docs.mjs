#!/usr/bin/env node
// `npm run docs:api`: writes docs/api.md, the Api reference generated from the schemas (rendered
// by scripts/api-docs/*.ts from the OpenAPI document browser mode serves at /api/openapi.json).
// Usage: node scripts/api-docs.mjs [--check] [--file=docs/api.md]
//   --check  writes nothing; exits 1 when the file differs from what would be generated (CI).
//   --file   another file to write or check (the tests use a temporary one).
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { buildForNode } from './lib/build-node.mjs';
import { writeOrCheck } from './lib/generated-file.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const file = path.resolve(
  repo,
  args.find((a) => a.startsWith('--file='))?.slice('--file='.length) ?? 'docs/api.md',
);
// One build folder per run, inside the repository so that the bundle finds node_modules.
const outDir = path.join(repo, `.cache/api-docs-${process.pid}`);

let markdown;
try {
  const { load } = await buildForNode({
    root: repo,
    outDir,
    entries: { 'api-docs': path.join(repo, 'scripts/api-docs/main.ts') },
  });
  const { renderApiReference } = await load('api-docs');
  const { version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  markdown = renderApiReference({ version });
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

// Formatted as `npm run lint` checks it, with the repository's Prettier settings for docs/api.md.
const options = await prettier.resolveConfig(path.join(repo, 'docs/api.md'));
const generated = await prettier.format(markdown, { ...options, filepath: file });
const relative = path.relative(repo, file);

writeOrCheck({
  file,
  generated,
  check,
  written: `Wrote ${relative} (${generated.split('\n').length} lines).`,
  upToDate: `${relative} is up to date.`,
  stale: (where) =>
    `${relative} is stale (${where}): it no longer matches the Api's schemas and texts.\n` +
    'Run `npm run docs:api` and commit the result.',
});
