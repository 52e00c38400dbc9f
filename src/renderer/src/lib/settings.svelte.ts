/**
 * The user's settings (keep images, block remote content, retention): loaded at start so the
 * reader knows whether remote images may load, changed from the settings panel, and kept
 * current by `settings.changed` events (another window may change them).
 */
import type { ApiClient } from '../../../shared/contract';
import type { Settings } from '../../../shared/model';
import { errorMessage } from './api';

/** The core's defaults, used until the settings are loaded. */
const DEFAULT_SETTINGS: Settings = {
  keepImages: true,
  blockRemoteContent: false,
  retentionDays: 90,
};

/** The settings and their panel's state. */
export class SettingsState {
  value: Settings = $state({ ...DEFAULT_SETTINGS });
  /** Why the last change was not saved. */
  error: string | null = $state(null);
  /** True while the settings panel is open. */
  open = $state(false);
  /**
   * Whether this page may load remote images at all. The Content-Security-Policy is set when
   * the page loads, from the setting as it was then; turning blocking off later only takes
   * effect after a reload, so until then images not kept stay placeholders.
   */
  #pageAllowsRemote: boolean | null = null;
  readonly #api: ApiClient;

  /** Calls the core through `api`. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** True when images not kept may come from the web right now. */
  get remoteAllowed(): boolean {
    return !this.value.blockRemoteContent && this.#pageAllowsRemote !== false;
  }

  /** Loads the settings. Throws connection errors. */
  async load(): Promise<void> {
    this.value = await this.#api['settings.get']();
    this.#pageAllowsRemote ??= !this.value.blockRemoteContent;
  }

  /** Saves a change; on failure the panel shows why and the stored settings are shown again. */
  async update(patch: Partial<Settings>): Promise<void> {
    this.error = null;
    const before = this.value;
    this.value = { ...before, ...patch };
    try {
      this.value = await this.#api['settings.update'](patch);
    } catch (error) {
      this.value = before;
      this.error = errorMessage(error);
    }
  }

  /** Takes settings pushed by the core. */
  changed(settings: Settings): void {
    this.value = settings;
  }
}
