#!/usr/bin/env node
// Conformance run of our real feed pipeline (decode -> parse -> normalize -> sanitize) against
// feedparser's test corpus (../shared/conformance/feedparser, read-only, never copied here).
// Usage: node scripts/conformance.mjs [corpusDir] [--verbose]
// See docs/technotes/conformance.md for what is checked, what is not applicable, and why.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForNode } from './lib/build-node.mjs';
import { evaluateExpect, parseHeader } from './conformance/expect.mjs';
import { activeContentIn } from './conformance/active-content.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const corpus = path.resolve(
  repo,
  args.find((a) => !a.startsWith('--')) ?? '../shared/conformance/feedparser',
);
const outDir = path.join(repo, '.cache/conformance');
const OVERALL_BAR = 0.9;
const SANITIZE = 'wellformed/sanitize';
/** Folders of formats we do not read: Microsoft's Channel Definition Format (1997). */
const NOT_OUR_FORMATS = ['wellformed/cdf/'];

// 1. Bundle the TypeScript pipeline for Node (dependencies stay external, loaded from node_modules).
const { load } = await buildForNode({
  root: repo,
  outDir,
  entries: {
    pipeline: path.join(repo, 'src/main/core/feeds/pipeline.ts'),
    parse: path.join(repo, 'src/main/core/feeds/parse.ts'),
    normalize: path.join(repo, 'src/main/core/feeds/normalize.ts'),
    decode: path.join(repo, 'src/main/core/feeds/decode.ts'),
    sanitize: path.join(repo, 'src/main/core/content/sanitize.ts'),
    text: path.join(repo, 'src/main/core/content/html-text.ts'),
  },
});
const { feedFromBytes } = await load('pipeline');
const { parseFeedText } = await load('parse');
const { decodeFeed } = await load('decode');
const { sanitizeHtml } = await load('sanitize');
const { htmlToText } = await load('text');
const lib = { sanitizeHtml, htmlToText };

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* walk(full);
    else if (/\.(xml|json|rdf|rss|atom)$/i.test(name)) yield full;
  }
}

/** Returns the test's Expect and Header lines (the comment may be in UTF-16/32 like the feed). */
function readTestComment(bytes) {
  const text = decodeFeed(bytes, null).text;
  const json = /"__TEST__"\s*:\s*"([^"]*)"/.exec(text);
  const head = json ? json[1].replace(/Expect:/, '\nExpect:') : text.slice(0, 4000);
  const expect = /Expect:\s*(.*?)\s*(?:-->)?\s*$/m.exec(head)?.[1] ?? null;
  // feedparser runs these only with the optional chardet (charset sniffing without any label).
  const skipUnless = /SkipUnless:/.test(head);
  const headers = [...head.matchAll(/Header:\s*([\w-]+):\s*(.*)$/gm)].map((m) => [
    m[1],
    m[2].trim(),
  ]);
  return { expect, headers, skipUnless };
}

async function runCase(file) {
  const rel = path.relative(corpus, file).split(path.sep).join('/');
  const bytes = new Uint8Array(readFileSync(file));
  const { expect, headers, skipUnless } = readTestComment(bytes);
  if (NOT_OUR_FORMATS.some((f) => rel.startsWith(f)))
    return { rel, status: 'na', why: 'CDF is not a format we read' };
  if (skipUnless)
    return { rel, status: 'na', why: 'charset sniffing (feedparser: only with chardet)' };
  const contentType = parseHeader(headers, 'content-type');
  // Our fetcher reports the URL the body came from; feedparser's harness serves the corpus at
  // http://127.0.0.1:8097/tests/…, and a Content-Location header stands for the final URL.
  const docUrl = `http://127.0.0.1:8097/tests/${rel}`;
  const location = parseHeader(headers, 'content-location');
  const url = location ? new URL(location, docUrl).href : docUrl;
  let feed = null;
  let parsed = null;
  let error = null;
  try {
    feed = await feedFromBytes(bytes, { url, contentType }, Date.UTC(2030, 0, 1));
    parsed = await parseFeedText(decodeFeed(bytes, contentType).text);
  } catch (err) {
    error = err;
  }
  const encoding = decodeFeed(bytes, contentType).encoding;
  if (rel.startsWith(`${SANITIZE}/`)) {
    if (error) return { rel, status: 'fail', why: `pipeline failed: ${error.message}` };
    // Hostile HTML in fields we drop (feed tagline, copyright…) or show as plain text (titles)
    // never reaches a page: nothing to check.
    if (!parsed.items.some((i) => i.contentHtml || i.summaryHtml)) {
      return {
        rel,
        status: 'na',
        why: 'no item body: the HTML is in a field we drop or show as text',
      };
    }
    const found = feed.items.flatMap((item) => activeContentIn(item.contentHtml));
    return found.length === 0
      ? { rel, status: 'pass' }
      : { rel, status: 'fail', why: `active content survived: ${found.join('; ')}` };
  }
  return { rel, ...evaluateExpect(expect, { feed, parsed, error, encoding, url, lib, bytes }) };
}

const results = [];
for (const file of walk(corpus)) results.push(await runCase(file));

// Report by folder (first two levels: wellformed/rss, encoding, …).
const folders = new Map();
for (const r of results) {
  const parts = r.rel.split('/');
  const folder = parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
  const f = folders.get(folder) ?? { pass: 0, fail: 0, na: 0 };
  f[r.status === 'pass' ? 'pass' : r.status === 'fail' ? 'fail' : 'na'] += 1;
  folders.set(folder, f);
}
const pct = (f) =>
  f.pass + f.fail === 0
    ? '   -  '
    : `${((100 * f.pass) / (f.pass + f.fail)).toFixed(1).padStart(5)}%`;
const total = { pass: 0, fail: 0, na: 0 };
console.log('folder                       pass  fail   n/a   rate');
for (const [folder, f] of [...folders].sort()) {
  for (const k of Object.keys(total)) total[k] += f[k];
  console.log(
    `${folder.padEnd(28)} ${String(f.pass).padStart(5)} ${String(f.fail).padStart(5)} ${String(f.na).padStart(5)}  ${pct(f)}`,
  );
}
console.log(
  `${'overall'.padEnd(28)} ${String(total.pass).padStart(5)} ${String(total.fail).padStart(5)} ${String(total.na).padStart(5)}  ${pct(total)}`,
);

if (verbose) {
  console.log('\nFailing cases:');
  for (const r of results.filter((x) => x.status === 'fail')) console.log(`  ${r.rel}: ${r.why}`);
  if (args.includes('--na')) {
    console.log('\nNot applicable:');
    for (const r of results.filter((x) => x.status === 'na')) console.log(`  ${r.rel}: ${r.why}`);
  }
}

const sanitize = folders.get(SANITIZE) ?? { pass: 0, fail: 0 };
const overallRate = total.pass / Math.max(1, total.pass + total.fail);
const problems = [];
if (overallRate < OVERALL_BAR) problems.push(`overall ${(overallRate * 100).toFixed(1)}% < 90%`);
if (sanitize.fail > 0) problems.push(`${sanitize.fail} sanitize case(s) failed (bar: 100%)`);
if (total.pass + total.fail === 0) problems.push('no applicable case found: wrong corpus folder?');
if (problems.length > 0) {
  console.error(`\nconformance: FAILED (${problems.join(', ')})`);
  process.exit(1);
}
console.log('\nconformance: ok');
