/**
 * The storage part of the settings panel: space used per source and in total, and the two
 * maintenance actions (clean up by the retention setting, compact the database) with what
 * each did.
 */
import type { ApiClient } from '../../../shared/contract';
import type { LibraryUsage } from '../../../shared/model';
import { errorMessage } from './api';
import { counted, formatBytes } from './format';

/** Space used, and the outcome of the last clean-up or compaction. */
export class StorageState {
  usage: LibraryUsage | null = $state(null);
  loading = $state(false);
  /** The action running now, if any. */
  busy: 'cleanup' | 'compact' | null = $state(null);
  /** What the last action did, or why loading or acting failed. */
  message: string | null = $state(null);
  error: string | null = $state(null);
  readonly #api: ApiClient;

  /** Calls the core through `api`. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Loads the space used. */
  async load(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.usage = await this.#api['library.usage']();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  /** Deletes what the retention setting lets go, then shows what went and the new sizes. */
  async cleanup(): Promise<void> {
    await this.#act('cleanup', async () => {
      const { deletedArticles, deletedImages } = await this.#api['library.cleanup']();
      if (deletedArticles === 0 && deletedImages === 0) return 'Nothing to clean up.';
      return `Removed ${counted(deletedArticles, 'article')} and ${counted(deletedImages, 'image')}.`;
    });
  }

  /** Compacts the database file, then shows its size before and after. */
  async compact(): Promise<void> {
    await this.#act('compact', async () => {
      const { beforeBytes, afterBytes } = await this.#api['library.compact']();
      return `Compacted: ${formatBytes(beforeBytes)} → ${formatBytes(afterBytes)}.`;
    });
  }

  async #act(kind: 'cleanup' | 'compact', action: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = kind;
    this.message = null;
    this.error = null;
    try {
      this.message = await action();
      await this.load();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = null;
    }
  }
}
