/**
 * Whether the browser thinks it is online (`navigator.onLine` and its `online`/`offline`
 * events). Only a hint: "online" does not mean a site answers, but "offline" is reliable.
 */

/** The connection state, kept current while started. */
export class OnlineState {
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  #stop: (() => void) | null = null;

  /** Starts following the window's online/offline events. */
  start(): void {
    if (this.#stop) return;
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
