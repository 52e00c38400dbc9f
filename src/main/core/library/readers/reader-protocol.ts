/** The messages between ReaderPool and its threads (reader-worker.ts). */
import type { Envelope } from '../../../../shared/bridge';
import type { ReaderJob } from './reader-jobs';

/** What a reader thread is started with. */
export interface ReaderWorkerData {
  /** The database file (never `:memory:`: a thread cannot share an in-memory database). */
  file: string;
  nativeBinding?: string;
}

/** A job as posted to a thread: compacting is a job too (it needs the thread, not the reads). */
export interface ReaderRequest {
  id: number;
  job: ReaderJob | { kind: 'compact' };
  /** An Int32Array's buffer whose element 0 becomes 1 when the job is cancelled. */
  cancel: SharedArrayBuffer | null;
}

/** A thread's answer to one request. */
export interface ReaderReply {
  id: number;
  envelope: Envelope;
}
