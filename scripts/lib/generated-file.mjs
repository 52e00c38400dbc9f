// Writing a generated file, or checking that the committed one is what would be generated: the
// two modes of the docs generators (npm run docs:api, npm run docs:architecture), whose --check
// is a CI gate.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Writes `generated` to `file` and prints `written`; with `check`, writes nothing and prints
 * `upToDate` when the file holds exactly `generated`, else prints `stale(where)` to stderr and
 * sets the exit code to 1 (`where` says where it differs; a missing file is stale too).
 */
export function writeOrCheck({ file, generated, check, written, upToDate, stale }) {
  if (!check) {
    writeFileSync(file, generated);
    console.log(written);
    return;
  }
  let current = null;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // A missing file is as stale as a wrong one.
  }
  if (current === generated) {
    console.log(upToDate);
    return;
  }
  const where =
    current === null
      ? 'it is missing'
      : `first difference at line ${firstDifference(current, generated)}`;
  console.error(stale(where));
  process.exitCode = 1;
}

/** Returns the 1-based number of the first line where `a` and `b` differ. */
function firstDifference(a, b) {
  const left = a.split('\n');
  const right = b.split('\n');
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return i + 1;
}
