/**
 * Whether the browser thinks it is online (`navigator.onLine` and its `online`/`offline`
 * events). Only a hint: "online" does not mean a site answers, but "offline" is reliable.
 * Outside a browser (the state tests in Node) there is nothing to follow: it stays online.
 */

/** Returns what the browser says, or true where there is no browser to ask. */
function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/** The connection state, kept current while started. */
export class OnlineState {
  online = $state(browserOnline());
  #stop: (() => void) | null = null;

  /** Starts following the window's online/offline events. */
  start(): void {
    if (this.#stop || typeof window === 'undefined') return;
    const update = () => (this.online = navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    this.#stop = () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }

  /** Stops following the events. */
  stop(): void {
    this.#stop?.();
    this.#stop = null;
  }
}
