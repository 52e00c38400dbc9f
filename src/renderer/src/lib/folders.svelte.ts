/**
 * Folders in the sidebar: which folder dialog is open (move a feed, new folder, rename, delete)
 * and the calls behind them. A folder is only the name its feeds carry (folders-service.ts), so
 * a new folder is made by moving feeds into it. Each action resolves to a message for its
 * dialog, or null when it worked.
 */
import type { ApiClient } from '../../../shared/contract';
import type { Feed } from '../../../shared/model';
import { errorMessage, isApiError } from './api';
import type { SourcesState } from './sources.svelte';

/** The folder dialog on screen, if any. */
export type FolderDialog =
  | { kind: 'move'; feed: Feed }
  | { kind: 'new' }
  | { kind: 'rename'; folder: string }
  | { kind: 'delete'; folder: string };

/** Folder actions and their dialogs. */
export class FoldersState {
  dialog: FolderDialog | null = $state(null);
  /** The last failure of a move by drag and drop (no dialog to show it in). */
  status: string | null = $state(null);
  readonly #api: ApiClient;
  readonly #sources: SourcesState;

  /** Calls the core through `api`; `sources` is reloaded after each change. */
  constructor(api: ApiClient, sources: SourcesState) {
    this.#api = api;
    this.#sources = sources;
  }

  /** Opens a dialog (replacing any other). */
  open(dialog: FolderDialog): void {
    this.dialog = dialog;
  }

  /** Closes the dialog. */
  close(): void {
    this.dialog = null;
  }

  /** Moves feed `id` into `folder` (null: the top level). */
  async move(id: number, folder: string | null): Promise<string | null> {
    const feed = this.#sources.feed(id);
    if (!feed || (feed.folder?.trim() || null) === folder) {
      this.close();
      return null;
    }
    return this.#run(() => this.#api['feeds.update']({ id, folder }));
  }

  /** Makes folder `name` by moving `feedIds` into it. */
  async create(name: string, feedIds: number[]): Promise<string | null> {
    if (!name.trim()) return 'Give the folder a name.';
    if (feedIds.length === 0) return 'Choose at least one feed to put in it.';
    const folder = name.trim();
    return this.#run(() =>
      Promise.all(feedIds.map((id) => this.#api['feeds.update']({ id, folder }))),
    );
  }

  /** Renames folder `from` to `to` (onto an existing folder: the two are merged). */
  async rename(from: string, to: string): Promise<string | null> {
    if (!to.trim()) return 'Give the folder a name.';
    if (to.trim() === from) {
      this.close();
      return null;
    }
    return this.#run(() => this.#api['folders.rename']({ from, to: to.trim() }));
  }

  /** Deletes folder `name`; its feeds stay subscribed, at the top level. */
  async remove(name: string): Promise<string | null> {
    return this.#run(() => this.#api['folders.delete']({ name }));
  }

  async #run(call: () => Promise<unknown>): Promise<string | null> {
    try {
      await call();
      await this.#sources.load();
      this.close();
      this.status = null;
      return null;
    } catch (error) {
      if (isApiError(error, 'UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN')) throw error;
      const message = errorMessage(error);
      if (!this.dialog) this.status = message;
      return message;
    }
  }
}
