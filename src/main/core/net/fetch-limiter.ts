/**
 * Bounds concurrent fetches: at most `total` at once and `perHost` per host, so a refresh of
 * hundreds of feeds neither floods the network nor hammers one server (many feeds of a user often
 * live on one host: feedburner.com, substack.com, medium.com).
 */

/** A queue that runs tasks under a global and a per-host limit, first come first served. */
export class FetchLimiter {
  #running = 0;
  readonly #perHost = new Map<string, number>();
  readonly #waiting: { host: string; start: () => void }[] = [];

  constructor(
    readonly total = 6,
    readonly perHost = 2,
  ) {}

  /** Runs `task` when a slot for `host` is free; resolves or rejects with the task's outcome. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#running++;
        this.#perHost.set(host, (this.#perHost.get(host) ?? 0) + 1);
        task()
          .then(resolve, reject)
          .finally(() => this.#release(host));
      };
      if (this.#canStart(host)) start();
      else this.#waiting.push({ host, start });
    });
  }

  /** Returns how many tasks are running now (for tests and progress). */
  get running(): number {
    return this.#running;
  }

  #canStart(host: string): boolean {
    return this.#running < this.total && (this.#perHost.get(host) ?? 0) < this.perHost;
  }

  #release(host: string): void {
    this.#running--;
    const left = (this.#perHost.get(host) ?? 1) - 1;
    if (left === 0) this.#perHost.delete(host);
    else this.#perHost.set(host, left);
    // Start every waiting task that now fits, oldest first; a busy host does not block others.
    for (let i = 0; i < this.#waiting.length && this.#running < this.total;) {
      const next = this.#waiting[i] as { host: string; start: () => void };
      if (this.#canStart(next.host)) {
        this.#waiting.splice(i, 1);
        next.start();
      } else {
        i++;
      }
    }
  }
}

/** Returns the host of a URL for the per-host limit (the whole URL if it cannot be parsed). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
