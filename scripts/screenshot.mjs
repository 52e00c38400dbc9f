#!/usr/bin/env node
// `npm run screenshot`: writes docs/screenshot.png (light) and docs/screenshot-dark.png (dark)
// of an article with images open in the reader (its full text, kept offline), and
// docs/screenshot-settings.png / -settings-dark.png with the settings panel open over it, at
// 1440x900. Builds first when out/ is missing, then runs browser mode (out/main/serve.js) on a
// free port with a throwaway data folder, subscribes it to the Harbour Gazette served from
// tests/fixtures/e2e/offline/ on 127.0.0.1, and opens it in Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// FOLIO_OUT_DIR picks another build folder than out/ (it is then never built here).
const outDir = process.env.FOLIO_OUT_DIR
  ? resolve(root, process.env.FOLIO_OUT_DIR)
  : join(root, 'out');
const entry = join(outDir, 'main/serve.js');
const FIXTURES = join(root, 'tests/fixtures/e2e/offline');
const ARTICLE_TITLE = 'Lighthouse Keepers Return to Cape Wrath';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (
  !process.env.FOLIO_OUT_DIR &&
  (!existsSync(entry) || !existsSync(join(outDir, 'renderer/index.html')))
) {
  console.error('[screenshot] building…');
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Starts serve.js on `dataDir`; resolves with the token URL and the child process. */
function startServe(dataDir) {
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      ...process.env,
      FOLIO_DATA_DIR: dataDir,
      FOLIO_PORT: '0',
      FOLIO_TOKEN: randomBytes(16).toString('hex'),
      FOLIO_REFRESH: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve.js did not start within 20 s:\n${stderr}`));
    }, 20_000);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      const match = /Folio is serving (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.js exited (code ${code}):\n${stderr}`));
    });
  });
}

/** Serves the Harbour Gazette fixtures on 127.0.0.1; resolves with its origin and server. */
async function startFixtureWeb() {
  const routes = {
    '/harbour-gazette.xml': ['harbour-gazette.xml', 'application/rss+xml; charset=utf-8'],
    '/articles/lighthouse.html': ['lighthouse.html', 'text/html; charset=utf-8'],
    '/images/lighthouse-dusk.jpg': ['lighthouse-dusk.jpg', 'image/jpeg'],
    '/images/keepers-chart.png': ['keepers-chart.png', 'image/png'],
    '/images/ferry-map.png': ['ferry-map.png', 'image/png'],
  };
  let origin = '';
  const server = createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0]];
    if (!route) return void res.writeHead(404).end();
    let body = readFileSync(join(FIXTURES, route[0]));
    if (route[0].endsWith('.xml')) body = body.toString('utf8').replaceAll('{{origin}}', origin);
    res.writeHead(200, { 'Content-Type': route[1] }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, server };
}

/** Calls the Api of the Folio open in `page` (its cookie carries the token). */
async function call(page, method, params = {}) {
  const response = await page.request.post(`${new URL(page.url()).origin}/api/${method}`, {
    data: params,
  });
  if (!response.ok())
    throw new Error(`${method}: HTTP ${response.status()} ${await response.text()}`);
  return response.json();
}

/** Subscribes to the fixture feed and keeps the lighthouse article's full text and images. */
async function prepareLibrary(browser, url, web) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const feed = await call(page, 'feeds.add', { url: `${web.origin}/harbour-gazette.xml` });
  const { items } = await call(page, 'articles.list', { feedId: feed.id });
  const article = items.find((a) => a.title === ARTICLE_TITLE);
  await call(page, 'articles.fetchFullText', { id: article.id });
  await call(page, 'offline.make', { articleIds: [article.id] });
  await context.close();
  return { feedId: feed.id, articleId: article.id };
}

/** Opens the article in a fresh page with `colorScheme`; writes `file`, then `settingsFile`. */
async function shoot(browser, url, colorScheme, { feedId, articleId }, file, settingsFile) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    colorScheme,
  });
  const page = await context.newPage();
  await page.goto(`${url}#/feed-${feedId}/${articleId}`);
  const reader = page.getByTestId('reader');
  await reader.getByTestId('reader-title').waitFor();
  await page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('[data-testid="reader"] .body img')];
    return imgs.length > 0 && imgs.every((img) => img.complete && img.naturalWidth > 0);
  });
  await page.evaluate('document.fonts.ready');
  await page.mouse.move(0, 899);
  await page.screenshot({ path: file });
  console.log(`[screenshot] wrote ${file}`);
  await page.keyboard.press(',');
  await page.getByTestId('storage').locator('table').waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: settingsFile });
  console.log(`[screenshot] wrote ${settingsFile}`);
  await context.close();
}

const dataDir = mkdtempSync(join(tmpdir(), 'folio-screenshot-'));
let serve;
let browser;
let web;
try {
  web = await startFixtureWeb();
  serve = await startServe(dataDir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  mkdirSync(join(root, 'docs'), { recursive: true });
  const target = await prepareLibrary(browser, serve.url, web);
  const docs = (name) => join(root, 'docs', name);
  for (const [scheme, suffix] of [
    ['light', ''],
    ['dark', '-dark'],
  ]) {
    const shots = [docs(`screenshot${suffix}.png`), docs(`screenshot-settings${suffix}.png`)];
    await shoot(browser, serve.url, scheme, target, ...shots);
  }
} finally {
  await browser?.close();
  web?.server.close();
  if (serve) {
    serve.child.removeAllListeners('exit');
    serve.child.kill('SIGTERM');
    await new Promise((resolve) => serve.child.once('exit', resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
}
