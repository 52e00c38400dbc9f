/**
 * Long writes as short transactions with the event loop turning between them: the one writer is
 * the main thread, so a write that runs for seconds holds every Api call, every IPC message and
 * every timer for as long (issue 11: a 60,000-item feed held settings.get 14.6 s). A step's size
 * (articles, ids, rows) adapts to the time the last one took, so each takes about STEP_MS
 * whatever the machine and the rows (docs/technotes/reader-threads.md).
 */
import type { WriteGate } from './write-gate';

/** How long one step may hold the writer, in ms. */
export const STEP_MS = 12;

/** How steps are sized, and what may stop or hold them. */
export interface StepOptions {
  /** The first step's size (default 64), and the bounds sizes adapt within (16 and 4,096). */
  first?: number;
  min?: number;
  max?: number;
  /** True once nothing more may be written (the app is closing). */
  stopped?: () => boolean;
  /** Waited for before each step (a compaction on a thread holds it). */
  gate?: WriteGate;
}

/**
 * Runs `step(size)` until it returns true (done), yielding to the event loop between steps, and
 * returns true; returns false, between two steps, once `stopped()` is true.
 */
export async function inSteps(
  step: (size: number) => boolean,
  options: StepOptions = {},
): Promise<boolean> {
  const min = options.min ?? 16;
  const max = options.max ?? 4096;
  let size = options.first ?? 64;
  for (let first = true; ; first = false) {
    if (!first) await new Promise((resolve) => setImmediate(resolve));
    await options.gate?.idle();
    if (options.stopped?.()) return false;
    const began = performance.now();
    if (step(size)) return true;
    const took = Math.max(0.5, performance.now() - began);
    size = Math.min(max, Math.max(min, Math.round((size * STEP_MS) / took)));
  }
}
