#!/usr/bin/env node
// `npm run screenshot`: writes docs/screenshot.png (light) and docs/screenshot-dark.png (dark)
// of the seed article open in the reader, at 1440x900. Builds first when out/ is missing, then
// runs browser mode (out/main/serve.js) on a free port with a throwaway data folder and opens
// it in Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
const SEED_TITLE = "Putin's Landmark Visit to Harbin";
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

/** Opens Folio in a fresh page with `colorScheme`, opens the seed and writes `file`. */
async function shoot(browser, url, colorScheme, file) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    colorScheme,
  });
  const page = await context.newPage();
  await page.goto(url);
  const row = page.getByTestId('article-item').filter({ hasText: SEED_TITLE });
  await row.click();
  await row.getByLabel('Unread').waitFor({ state: 'detached' });
  await page.getByTestId('reader').locator('.body h2').first().waitFor();
  await page.evaluate('document.fonts.ready');
  await page.mouse.move(0, 899);
  await page.screenshot({ path: file });
  await context.close();
  console.log(`[screenshot] wrote ${file}`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'folio-screenshot-'));
let serve;
let browser;
try {
  serve = await startServe(dataDir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  mkdirSync(join(root, 'docs'), { recursive: true });
  await shoot(browser, serve.url, 'light', join(root, 'docs/screenshot.png'));
  await shoot(browser, serve.url, 'dark', join(root, 'docs/screenshot-dark.png'));
} finally {
  await browser?.close();
  if (serve) {
    serve.child.removeAllListeners('exit');
    serve.child.kill('SIGTERM');
    await new Promise((resolve) => serve.child.once('exit', resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
}
