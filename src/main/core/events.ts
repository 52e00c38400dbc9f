/**
 * A typed hub for the events main pushes to windows. Transports subscribe (SSE clients, the
 * Electron window) and services emit; a listener that throws never stops the others.
 */
import type { EventName, Events, FolioEvent } from '../../shared/contract';

type Listener = (event: FolioEvent) => void;

/** Fan-out of FolioEvents to subscribers. */
export class EventHub {
  readonly #listeners = new Set<Listener>();

  /** Subscribes; returns the unsubscribe function. */
  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sends one event to every subscriber. */
  emit<E extends EventName>(type: E, data: Events[E]): void {
    const event = { type, data } as FolioEvent;
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error(`[events] listener failed for ${type}:`, error);
      }
    }
  }

  /** Returns the number of subscribers (used by tests and shutdown). */
  get size(): number {
    return this.#listeners.size;
  }
}
