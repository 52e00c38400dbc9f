/** The messages between ReaderPool and its threads (reader-worker.ts). */
import type { Envelope } from '../../../../shared/bridge';
import type { ReaderJob } from './reader-jobs';

/** What a reader thread is started with. */
export interface ReaderWorkerData {
  /** The database file (never `:memory:`: a thread cannot share an in-memory database). */
  file: string;
  nativeBinding?: string;
}

/**
 * A job as posted to a thread. Compacting an old library and checkpointing the WAL are jobs too
 * (they need a thread and a writable connection of its own there), and so is building related
 * feeds' documents when the pool starts.
 */
export interface ReaderRequest {
  id: number;
  job:
    | ReaderJob
    | { kind: 'compact' }
    | { kind: 'checkpoint'; truncate?: boolean }
    | { kind: 'prepare' };
  /** An Int32Array's buffer whose element 0 becomes 1 when the job is cancelled. */
  cancel: SharedArrayBuffer | null;
}

/** A thread's answer to one request. */
export interface ReaderReply {
  id: number;
  envelope: Envelope;
}
