#!/usr/bin/env node
/**
 * `npm run security`: scans src/ with Electronegativity and fails on any finding that
 * docs/technotes/electron-security.md does not justify. Electronegativity exits 0 even with
 * findings, so this reads its SARIF report. A justification is a row of the technote's table
 * "Justified findings": | `CHECK_ID` | `src/path/to/file` | why it is a false positive |.
 * A finding is justified only by a row naming both its check and its file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TECHNOTE = join(ROOT, 'docs', 'technotes', 'electron-security.md');
const SCAN_TIMEOUT_MS = 5 * 60_000;

function fail(message) {
  console.error(`security: ${message}`);
  process.exit(1);
}

/** Reads the justification table: a Map from `CHECK_ID file` to its reason. */
export function parseJustifications(markdown) {
  const justified = new Map();
  const section = markdown.split(/^## Justified findings\s*$/m)[1];
  if (!section) return justified;
  for (const line of section.split('\n')) {
    if (/^##\s/.test(line)) break;
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 5) continue;
    const [, check, file, reason] = cells.map((c) => c.replace(/^`|`$/g, ''));
    if (!/^[A-Z][A-Z0-9_]+$/.test(check ?? '') || !file || !reason || /^-+$/.test(reason)) continue;
    justified.set(`${check} ${file}`, reason);
  }
  return justified;
}

/** Runs Electronegativity on src/ and returns its findings as {check, file, line, message}. */
function scan(electronVersion) {
  const dir = mkdtempSync(join(tmpdir(), 'folio-security-'));
  const report = join(dir, 'report.sarif');
  try {
    const cli = join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
    if (!existsSync(cli)) fail('@doyensec/electronegativity is not installed (npm install).');
    const args = [
      cli,
      '-i',
      join(ROOT, 'src'),
      '-e',
      electronVersion,
      '-r',
      '-v',
      'false',
      '-o',
      report,
    ];
    const run = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: SCAN_TIMEOUT_MS,
    });
    if (run.error) fail(`electronegativity could not run: ${run.error.message}`);
    if (run.status !== 0 || !existsSync(report)) {
      fail(`electronegativity failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    const sarif = JSON.parse(readFileSync(report, 'utf8'));
    return (sarif.runs ?? []).flatMap((r) =>
      (r.results ?? []).map((result) => {
        const location = result.locations?.[0]?.physicalLocation;
        const uri = location?.artifactLocation?.uri ?? 'N/A';
        return {
          check: result.ruleId,
          file: uri === 'N/A' ? uri : `src/${uri.replace(/\\/g, '/')}`,
          line: location?.region?.startLine ?? 0,
          message: result.message?.text ?? '',
        };
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const electronVersion = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  if (!existsSync(TECHNOTE)) fail(`${TECHNOTE} is missing.`);
  const justified = parseJustifications(readFileSync(TECHNOTE, 'utf8'));
  const findings = scan(electronVersion);
  const used = new Set();
  const unjustified = [];
  for (const finding of findings) {
    const key = `${finding.check} ${finding.file}`;
    if (justified.has(key)) used.add(key);
    else unjustified.push(finding);
  }
  console.log(
    `security: Electronegativity (Electron ${electronVersion}) found ${findings.length} finding(s); ` +
      `${findings.length - unjustified.length} justified in docs/technotes/electron-security.md.`,
  );
  for (const key of justified.keys()) {
    if (!used.has(key)) console.warn(`security: note: justification no longer needed: ${key}`);
  }
  if (unjustified.length > 0) {
    for (const f of unjustified) console.error(`  ${f.check}  ${f.file}:${f.line}  ${f.message}`);
    fail(
      `${unjustified.length} unjustified finding(s): fix the code, or justify a real false positive in the technote.`,
    );
  }
  console.log('security: OK');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
