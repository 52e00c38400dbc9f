/**
 * Checkpoints off the main thread: with reader threads, the writer's connection never
 * checkpoints at commit time (wal_autocheckpoint = 0); a reader thread copies the WAL into the
 * file every second instead, PASSIVE, waiting for no one (docs/technotes/reader-threads.md). If
 * a thread's checkpoint fails, the writer checkpoints by itself again, so the WAL never grows
 * without bound.
 */
import type { Store } from '../../storage/store';
import type { ReaderPool } from './reader-pool';

const EVERY_MS = 1000;
/** SQLite's default: a commit that leaves the WAL this many pages long checkpoints. */
const DEFAULT_AUTOCHECKPOINT = 1000;

/** Starts the periodic checkpoints; returns the function that stops them. */
export function checkpointOnThreads(store: Store, pool: ReaderPool): () => void {
  store.maintenance.autoCheckpoint(0);
  let stopped = false;
  const timer = setInterval(() => {
    void pool.checkpoint().then((envelope) => {
      if (envelope.ok || stopped) return;
      console.error('[readers] checkpoint failed; the writer checkpoints again:', envelope.error);
      store.maintenance.autoCheckpoint(DEFAULT_AUTOCHECKPOINT);
      stop();
    });
  }, EVERY_MS);
  timer.unref();
  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };
  return stop;
}
