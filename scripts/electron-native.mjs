#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into native/electron-<version>/better_sqlite3.node,
 * apart from node_modules/better-sqlite3/build (Node's build, which the tests use), so that
 * `npm test` and `npm start` never rebuild each other's copy. `npm start` runs this first.
 *
 *   node scripts/electron-native.mjs [--force]
 *
 * Steps: copy the package to .cache/better-sqlite3-electron/, try a prebuilt binary
 * (prebuild-install --runtime electron), else compile it (node-gyp with Electron's headers),
 * check that the result is NOT loadable by Node (a Node-ABI binary labelled as Electron's is the
 * trap of offline rebuilds), then copy it into place. Skipped when the file already exists.
 * Both ways need the network (github.com, electronjs.org); without it this fails quickly, saying so.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROBE_TIMEOUT_MS = 10_000;
const PREBUILD_TIMEOUT_MS = 120_000;
const COMPILE_TIMEOUT_MS = 15 * 60_000;
const HEADERS_URL = 'https://electronjs.org/headers';

function log(message) {
  console.log(`[electron-native] ${message}`);
}

function fail(message) {
  console.error(`[electron-native] FAILED: ${message}`);
  process.exit(1);
}

function readVersion(pkg) {
  const file = join(ROOT, 'node_modules', pkg, 'package.json');
  if (!existsSync(file)) fail(`${pkg} is not installed (run npm install first).`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

/**
 * Returns null when `url` answers within the probe timeout, else why it did not. Behind a proxy
 * (which fetch ignores but prebuild-install and node-gyp honour) the tools are left to try.
 */
async function unreachable(url) {
  if (process.env.HTTPS_PROXY || process.env.https_proxy) return null;
  try {
    await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return null;
  } catch (error) {
    const cause = error?.cause?.code ?? error?.cause?.message ?? error?.name ?? String(error);
    return `${new URL(url).host} is unreachable (${cause})`;
  }
}

/** Runs a command with a timeout; returns a reason on failure, null on success. */
function run(label, command, args, options) {
  log(`${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error?.code === 'ETIMEDOUT')
    return `${label} timed out after ${options.timeout / 1000} s`;
  if (result.error) return `${label} could not run (${result.error.message})`;
  if (result.status !== 0) return `${label} exited with ${result.status ?? result.signal}`;
  return null;
}

/** Where node-gyp is: npm's own copy (as `npm run` reports it, or beside this node), else PATH. */
function nodeGypCommand() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(
      dirname(process.execPath),
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ];
  const script = candidates.find((c) => c && existsSync(c));
  return script ? [process.execPath, [script]] : ['node-gyp', []];
}

/** The child environment: npm's nodedir (Node's headers) would make node-gyp build for Node. */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];
  }
  return env;
}

/** True when plain Node can load the binary, i.e. it was built for Node, not for Electron. */
function loadsInNode(file) {
  const probe = `try{process.dlopen({exports:{}},${JSON.stringify(file)});process.exit(0)}catch{process.exit(3)}`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 30_000 }).status === 0;
}

async function main() {
  const force = process.argv.includes('--force');
  const electronVersion = readVersion('electron');
  const sqliteVersion = readVersion('better-sqlite3');
  const target = join(ROOT, 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
  if (existsSync(target) && !force) {
    log(`up to date: ${target}`);
    return;
  }
  log(
    `building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})`,
  );

  const source = join(ROOT, 'node_modules', 'better-sqlite3');
  const work = join(ROOT, '.cache', 'better-sqlite3-electron');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(dirname(work), { recursive: true });
  const sourceBuild = join(source, 'build');
  cpSync(source, work, {
    recursive: true,
    filter: (path) => path !== sourceBuild && !path.startsWith(sourceBuild + sep),
  });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  const env = buildEnv();
  const reasons = [];

  const github = await unreachable('https://github.com/');
  if (github) {
    reasons.push(`prebuilt binary: ${github}`);
  } else {
    const prebuild = join(ROOT, 'node_modules', 'prebuild-install', 'bin.js');
    const why = run(
      'prebuild-install',
      process.execPath,
      [
        prebuild,
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        process.arch,
        '--platform',
        process.platform,
        '--verbose',
      ],
      { cwd: work, env, timeout: PREBUILD_TIMEOUT_MS },
    );
    if (why) reasons.push(`prebuilt binary: ${why}`);
  }

  if (!existsSync(built)) {
    const headers = await unreachable(`${HEADERS_URL}/v${electronVersion}/SHASUMS256.txt`);
    if (headers) {
      reasons.push(`compiling: Electron's headers cannot be downloaded, ${headers}`);
    } else {
      const [command, prefix] = nodeGypCommand();
      const why = run(
        'node-gyp',
        command,
        [
          ...prefix,
          'rebuild',
          '--release',
          '--runtime=electron',
          `--target=${electronVersion}`,
          `--dist-url=${HEADERS_URL}`,
          `--arch=${process.arch}`,
        ],
        { cwd: work, env, timeout: COMPILE_TIMEOUT_MS },
      );
      if (why) reasons.push(`compiling: ${why}`);
    }
  }

  if (!existsSync(built)) {
    fail(
      `no better-sqlite3 binary for Electron ${electronVersion}.\n` +
        reasons.map((r) => `  - ${r}`).join('\n') +
        '\nThis step needs internet access to github.com (prebuilt binaries) or electronjs.org' +
        ' (headers to compile against) and a C++ toolchain. Run `node scripts/electron-native.mjs`' +
        ' again once online. Browser mode (`npm run serve`) and the tests do not need it.',
    );
  }
  if (loadsInNode(built)) {
    fail(
      `${built} loads in Node ${process.version}: it was built for Node's ABI, not Electron's. Not installed.`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  copyFileSync(built, partial);
  renameSync(partial, target);
  log(`installed ${target}`);
}

main().catch((error) => fail(error?.stack ?? String(error)));
