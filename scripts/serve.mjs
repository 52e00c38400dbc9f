#!/usr/bin/env node
// `npm run serve`: browser mode. Builds first when the build is missing or older than the
// sources, then runs out/main/serve.js in this process's place (signals reach it directly).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out/main/serve.js');

/** Returns the newest modification time under `dir`, in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const stale =
  !existsSync(entry) ||
  !existsSync(join(root, 'out/renderer/index.html')) ||
  Math.max(newest(join(root, 'src')), statSync(join(root, 'electron.vite.config.ts')).mtimeMs) >
    statSync(entry).mtimeMs;
if (stale) {
  console.error('[serve] building…');
  const build = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(process.execPath, [entry], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
