/**
 * Saving a note as it is typed: each keystroke goes to the journal (drafts.ts) at once and to the
 * core after a pause of 400 ms; a pending save is sent at once on blur, when the page is hidden
 * or left (`visibilitychange`, `pagehide`) and when the editor goes away (another article).
 * Saves of one note run one after another, so the last text typed is the one stored.
 */
import type { ApiClient } from '../../../../shared/contract';
import { journal, saveNote, settle, type DraftKey } from './drafts';

const DEBOUNCE_MS = 400;

/** What the editor shows about saving: nothing yet, waiting or saving, saved, or failed. */
export type SaveState = 'idle' | 'pending' | 'saved' | 'error';

// Not state: the savers to flush when the page is hidden or left.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const live = new Set<NoteSaver>();

if (typeof window !== 'undefined') {
  const flushAll = (): void => live.forEach((saver) => void saver.flush());
  window.addEventListener('pagehide', flushAll);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushAll();
  });
}

/** The saving of one note (an article's or a highlight's). */
export class NoteSaver {
  state: SaveState = $state('idle');
  readonly key: DraftKey;
  readonly #api: ApiClient;
  readonly #onsaved: (body: string) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: string | null = null;
  #chain: Promise<void> = Promise.resolve();

  /** Saves note `key` through `api`; `onsaved` hears each text the core has stored. */
  constructor(api: ApiClient, key: DraftKey, onsaved: (body: string) => void = () => {}) {
    this.#api = api;
    this.key = key;
    this.#onsaved = onsaved;
    live.add(this);
  }

  /** Takes the note as now typed. */
  input(body: string): void {
    journal(this.key, body);
    this.#pending = body;
    this.state = 'pending';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  /** Sends the pending text now; resolves when every save so far is done. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    const body = this.#pending;
    if (body !== null) {
      this.#pending = null;
      this.#chain = this.#chain.then(() => this.#save(body));
    }
    return this.#chain;
  }

  /** Flushes and stops listening for the page going away. */
  dispose(): Promise<void> {
    live.delete(this);
    return this.flush();
  }

  async #save(body: string): Promise<void> {
    try {
      await saveNote(this.#api, this.key, body);
      settle(this.key, body);
      this.#onsaved(body);
      if (this.#pending === null) this.state = 'saved';
    } catch (error) {
      // The draft stays in the journal and is sent again on the next start.
      console.error('[folio] note not saved yet', error);
      this.state = 'error';
    }
  }
}
