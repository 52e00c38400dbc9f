/**
 * Point 1 of issue 11: while a long job runs in the served app, an unrelated call (settings.get,
 * sent every 20 ms whether or not the last one answered) must answer in p99 < 50 ms, and the
 * app's main thread's event-loop delay p99 must stay < 50 ms. Each job is watched while it runs
 * (at most `maxMs`); a job still running then goes on unwatched and is awaited.
 */
import { emit, percentile } from '../report';
import type { ServedLibrary } from './served-library';

const INTERVAL_MS = 20;
const TARGET_MS = 50;

/** One watched job: its name, how to start it, and for how long to watch it at most. */
export interface LongJob {
  name: string;
  run(served: ServedLibrary): Promise<unknown>;
  maxMs?: number;
  /** Leave the job running after the watch instead of awaiting it (it is killed after). */
  abandon?: boolean;
  extra?: () => Record<string, unknown>;
}

/** Watches `job` and prints its two figures; resolves when the job is done (or abandoned). */
export async function watchJob(served: ServedLibrary, job: LongJob): Promise<void> {
  await served.control('loopDelay'); // resets the histogram
  const latencies: number[] = [];
  const outstanding = new Set<number>();
  let failures = 0;
  let firstFailure: string | null = null;
  const fail = (why: string): void => {
    failures++;
    firstFailure ??= why;
  };
  const send = (sentAt: number, retried: boolean): void => {
    served.call('settings.get').then(
      (result) => {
        outstanding.delete(sentAt);
        if (result.status === 200) latencies.push(performance.now() - sentAt);
        else fail(`${result.status} ${JSON.stringify(result.body)}`);
      },
      (error: unknown) => {
        // A server blocked past its keep-alive timeout closes idle sockets as it wakes; a
        // browser retries such a request once, and so does this (timed from the first send).
        if (!retried && String(error).includes('ECONNRESET')) return send(sentAt, true);
        outstanding.delete(sentAt);
        fail(String(error));
      },
    );
  };
  const ticker = setInterval(() => {
    const sentAt = performance.now();
    outstanding.add(sentAt);
    send(sentAt, false);
  }, INTERVAL_MS);
  const started = performance.now();
  let jobError: unknown = null;
  let jobMs: number | null = null;
  const running = job.run(served).then(
    () => void (jobMs = performance.now() - started),
    (error: unknown) => void ((jobError = error), (jobMs = performance.now() - started)),
  );
  const maxMs = job.maxMs ?? 120_000;
  await Promise.race([running, sleep(maxMs)]);
  clearInterval(ticker);
  // Calls still unanswered a while after the watch count with the time they have waited so far
  // (a lower bound): a job that blocks the main thread for minutes must not stall the bench.
  await waitUntil(() => outstanding.size === 0, 5_000);
  const now = performance.now();
  const unanswered = outstanding.size;
  for (const sentAt of outstanding) latencies.push(now - sentAt);
  const delay = await Promise.race([
    served.control<{ p99: number; max: number; uncorrectedP99: number }>('loopDelay'),
    sleep(5_000).then(() => ({ p99: Number.NaN, max: Number.NaN, uncorrectedP99: Number.NaN })),
  ]);
  const watchedMs = performance.now() - started;
  if (!job.abandon) await running;
  const settledMs = job.abandon ? null : await settle(served);
  const common = {
    jobMs,
    watchedMs,
    settledMs,
    ...(jobMs === null ? { note: `job still running after ${maxMs} ms` } : {}),
    ...(jobError === null ? {} : { jobError: String(jobError) }),
    ...job.extra?.(),
  };
  const p99 = percentile(latencies, 99);
  emit({
    figure: `scale.during.${job.name}.settingsGet`,
    value: p99,
    unit: 'ms',
    max: Math.max(...latencies),
    calls: latencies.length,
    failures,
    ...(firstFailure === null ? {} : { firstFailure }),
    unanswered,
    ...common,
    target: `p99 < ${TARGET_MS} ms`,
    met: p99 < TARGET_MS && failures === 0 && unanswered === 0,
  });
  emit({
    figure: `scale.during.${job.name}.loopDelay`,
    value: delay.p99,
    unit: 'ms',
    max: delay.max,
    uncorrectedP99: delay.uncorrectedP99,
    ...common,
    target: `p99 < ${TARGET_MS} ms`,
    ...(Number.isNaN(delay.p99) ? { blocked: 'the app did not answer within 5 s' } : {}),
    met: delay.p99 < TARGET_MS,
  });
}

/**
 * Waits (at most `maxMs`) until three settings.get calls in a row answer within TARGET_MS, so
 * the work a job leaves behind (a refresh's follow-up, a queue) is not charged to the next job.
 * Returns the milliseconds waited.
 */
export async function settle(served: ServedLibrary, maxMs = 120_000): Promise<number> {
  const start = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - start < maxMs) {
    const result = await served.call('settings.get');
    quick = result.ms < TARGET_MS ? quick + 1 : 0;
    await sleep(INTERVAL_MS);
  }
  return performance.now() - start;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `done()` holds (checked every 20 ms) or after `ms`. */
async function waitUntil(done: () => boolean, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (!done() && performance.now() < end) await sleep(INTERVAL_MS);
}
