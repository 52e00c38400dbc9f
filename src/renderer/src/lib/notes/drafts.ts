/**
 * The journal that makes notes survive a reload or a quit: every keystroke of a note is written
 * to localStorage at once (synchronous, so it is there even if the page goes away before the
 * debounced save reaches the core), and struck off when the core has stored that same text.
 * On the next start, whatever is still in the journal is sent again (replayDrafts).
 * A fetch started in `pagehide` may be cancelled by the browser; this does not depend on it.
 */
import type { ApiClient } from '../../../../shared/contract';
import { isApiError } from '../api';

/** Whose note a draft is: an article's (`note:<articleId>`) or a highlight's (`hl:<id>`). */
export type DraftKey = `note:${number}` | `hl:${number}`;

/** A note as last typed, and when (ms since the epoch). */
export interface Draft {
  body: string;
  at: number;
}

const STORAGE_KEY = 'folio.noteDrafts.v1';

function readAll(): Record<string, Draft> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, Draft>) : {};
  } catch {
    return {};
  }
}

function writeAll(drafts: Record<string, Draft>): void {
  try {
    if (Object.keys(drafts).length === 0) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(drafts));
  } catch {
    // Storage full or disabled: the debounced save still runs; only the crash safety net is gone.
  }
}

/** Records what was just typed in the note `key`. */
export function journal(key: DraftKey, body: string): void {
  const drafts = readAll();
  drafts[key] = { body, at: Date.now() };
  writeAll(drafts);
}

/** Forgets the draft of `key` once `body` is stored, unless something newer was typed since. */
export function settle(key: DraftKey, body: string): void {
  const drafts = readAll();
  if (drafts[key]?.body !== body) return;
  delete drafts[key];
  writeAll(drafts);
}

/** Returns the unsaved draft of `key`, if any. */
export function draftOf(key: DraftKey): Draft | undefined {
  return readAll()[key];
}

/** Stores note `key` in the core through `api`; resolves once it is stored. */
export async function saveNote(api: ApiClient, key: DraftKey, body: string): Promise<void> {
  const id = Number(key.slice(key.indexOf(':') + 1));
  if (key.startsWith('note:')) await api['notes.set']({ articleId: id, body });
  else await api['highlights.update']({ id, note: body });
}

/**
 * Sends every draft left from an earlier session (the page was reloaded or closed before its
 * save got through). A draft whose article or highlight is gone is dropped; one that fails for
 * another reason stays for the next start.
 */
export async function replayDrafts(api: ApiClient): Promise<void> {
  for (const [key, draft] of Object.entries(readAll())) {
    if (!/^(note|hl):\d+$/.test(key)) continue;
    try {
      await saveNote(api, key as DraftKey, draft.body);
      settle(key as DraftKey, draft.body);
    } catch (error) {
      if (isApiError(error, 'NOT_FOUND', 'BAD_REQUEST')) settle(key as DraftKey, draft.body);
    }
  }
}
