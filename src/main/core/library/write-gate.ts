/**
 * The writer's gate: while the database is being compacted on another thread (VACUUM holds the
 * write lock for as long as it rewrites the file), every write of the main thread waits here,
 * asynchronously, instead of in SQLite's busy handler, which would hold the main thread itself
 * (docs/technotes/reader-threads.md, "Compacting").
 */

/** Lets writers wait while a job that needs the database to itself runs. */
export class WriteGate {
  #closed: Promise<void> | null = null;

  /** Resolves at once when no job holds the gate, else when it is released. */
  async idle(): Promise<void> {
    while (this.#closed) await this.#closed;
  }

  /** True while a job holds the gate. */
  get held(): boolean {
    return this.#closed !== null;
  }

  /** Runs `job` with the gate held (after any earlier holder) and returns its result. */
  async hold<T>(job: () => Promise<T>): Promise<T> {
    await this.idle();
    let release = () => {};
    this.#closed = new Promise<void>((resolve) => (release = resolve));
    try {
      return await job();
    } finally {
      this.#closed = null;
      release();
    }
  }
}
