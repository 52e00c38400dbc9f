/**
 * OPML import and export. Import sends the file's text to `feeds.importOpml`, follows its
 * `import {done, total}` events for the progress bar, and keeps the outcome for the dialog
 * ("38 added · 2 already followed · 1 error", with the errors listed). Export downloads the
 * subscriptions as `folio-subscriptions.opml`.
 */
import type { ApiClient, Events, Result } from '../../../shared/contract';
import { errorMessage, isApiError } from './api';
import { counted } from './format';

/** The file name of an export. */
const EXPORT_FILE_NAME = 'folio-subscriptions.opml';

/** Files larger than this are refused before reading (the Api takes 20 MB of text). */
const MAX_FILE_BYTES = 20_000_000;

/** Returns the one-line outcome of an import. */
export function importSummary(result: Result<'feeds.importOpml'>): string {
  const parts = [`${result.added} added`];
  if (result.skipped > 0) parts.push(`${result.skipped} already followed`);
  if (result.errors.length > 0) parts.push(counted(result.errors.length, 'error'));
  return parts.join(' · ');
}

/** The OPML import dialog's state and the export. */
export class OpmlState {
  /** True while the import dialog is open. */
  open = $state(false);
  running = $state(false);
  done = $state(0);
  total = $state(0);
  /** The name of the file being (or last) imported. */
  fileName: string | null = $state(null);
  result: Result<'feeds.importOpml'> | null = $state(null);
  error: string | null = $state(null);
  readonly #api: ApiClient;

  /** Calls the core through `api`. */
  constructor(api: ApiClient) {
    this.#api = api;
  }

  /** Opens the import dialog afresh. */
  show(): void {
    if (!this.running) {
      this.result = null;
      this.error = null;
      this.fileName = null;
    }
    this.open = true;
  }

  /** Closes the dialog (an import under way goes on; its outcome shows when reopened). */
  close(): void {
    this.open = false;
  }

  /** Reads `file` and imports its feeds; the outcome is kept in `result` or `error`. */
  async import(file: File): Promise<void> {
    if (this.running) return;
    this.fileName = file.name;
    this.result = null;
    this.error = null;
    if (file.size > MAX_FILE_BYTES) {
      this.error = 'This file is too large to be a list of subscriptions.';
      return;
    }
    this.running = true;
    this.done = 0;
    this.total = 0;
    try {
      this.result = await this.#api['feeds.importOpml']({ xml: await file.text() });
    } catch (error) {
      if (isApiError(error, 'UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN')) throw error;
      this.error = isApiError(error, 'PARSE_FAILED')
        ? `${file.name} is not an OPML file Folio can read: ${errorMessage(error)}`
        : errorMessage(error);
    } finally {
      this.running = false;
    }
  }

  /** Takes an `import` progress event. */
  progress({ done, total }: Events['import']): void {
    if (!this.running) return;
    this.done = done;
    this.total = total;
  }

  /** Downloads the subscriptions as an OPML file; resolves to a message when it failed. */
  async export(): Promise<string | null> {
    try {
      const { xml } = await this.#api['feeds.exportOpml']();
      const url = URL.createObjectURL(new Blob([xml], { type: 'text/x-opml;charset=utf-8' }));
      const link = Object.assign(document.createElement('a'), {
        href: url,
        download: EXPORT_FILE_NAME,
      });
      link.click();
      // The download has its own copy once started.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return null;
    } catch (error) {
      if (isApiError(error, 'UNAVAILABLE', 'UNAUTHORIZED', 'FORBIDDEN')) throw error;
      return `Could not export: ${errorMessage(error)}`;
    }
  }
}
