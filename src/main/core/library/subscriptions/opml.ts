/**
 * feeds.importOpml and feeds.exportOpml (docs/technotes/opml.md). Import stores every new
 * subscription at once (the list appears in the sidebar straight away), then fetches them within
 * the shared limiter, emitting `import {done, total}` as each one lands; the reply comes when all
 * have been tried, with the per-feed errors.
 */
import type { Api } from '../../../../shared/contract';
import type { EventHub } from '../../events';
import type { Refresher } from '../refresh/refresher';
import type { Store } from '../../storage/store';
import { parseOpmlInSteps, type OpmlFeed } from './opml-parse';
import { writeOpml } from './opml-write';
import { inSteps } from '../in-steps';

/** What import and export use. */
export interface OpmlDeps {
  store: Store;
  events: EventHub;
  refresher: Refresher;
}

type ImportResult = Awaited<ReturnType<Api['feeds.importOpml']>>;

/** Returns the implementations of feeds.importOpml and feeds.exportOpml. */
export function opmlService(deps: OpmlDeps): Pick<Api, 'feeds.importOpml' | 'feeds.exportOpml'> {
  return {
    'feeds.importOpml': ({ xml }) => importOpml(deps, xml),
    'feeds.exportOpml': async () => ({ xml: writeOpml(deps.store.feeds.list()) }),
  };
}

/** Feeds fetched at once after an import (the app's limiter runs 6 fetches at a time). */
const IMPORT_FETCHES = 12;
/** Feeds inserted in the first transaction; later ones take as many as fit in a step. */
const FIRST_INSERTS = 500;
/** The import's progress is told at most this often (one event per feed flooded the window). */
const PROGRESS_MS = 100;

/**
 * Returns a function pair: `now()` runs `fn` at once; `soon()` runs it at most once per `ms`
 * (the last call's state is what the timer shows, since `fn` reads it when it runs).
 */
function throttled(fn: () => void, ms: number): { now: () => void; soon: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    now: () => {
      clearTimeout(timer);
      timer = undefined;
      fn();
    },
    soon: () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
  };
}

/**
 * Imports the feeds of an OPML document: new ones are stored with the file's titles and folders,
 * those already followed or listed twice are skipped, then each new one is fetched. A feed whose
 * fetch fails stays subscribed with its error shown, and is listed in `errors`. Throws ApiError
 * PARSE_FAILED (nothing stored) when the file is not OPML or is broken.
 */
async function importOpml(
  { store, events, refresher }: OpmlDeps,
  xml: string,
): Promise<ImportResult> {
  const doc = await parseOpmlInSteps(xml);
  const errors: ImportResult['errors'] = doc.invalid.map((i) => ({ ...i }));
  let skipped = 0;
  // In steps (in-steps.ts), the event loop turning between them: a list of 100,000 feeds in one
  // transaction held every other call for seconds.
  const seen = new Set<string>();
  const added: { id: number; url: string }[] = [];
  let start = 0;
  await inSteps(
    (size) => {
      store.transaction(() => {
        for (const feed of doc.feeds.slice(start, start + size)) {
          const url = new URL(feed.url).href;
          if (seen.has(url) || store.feeds.byUrl(url) || store.feeds.byUrl(feed.url)) {
            skipped++;
            continue;
          }
          seen.add(url);
          added.push({ id: store.feeds.insert(newFeed(feed, url)), url });
        }
      });
      start += size;
      return start >= doc.feeds.length;
    },
    { first: FIRST_INSERTS },
  );
  if (added.length > 0) events.emit('feeds.changed', { feedIds: added.map((f) => f.id) });

  let done = 0;
  const total = added.length;
  const progress = throttled(() => events.emit('import', { done, total }), PROGRESS_MS);
  progress.now();
  // A few fetches under way at a time (the limiter allows 6): starting all 100,000 at once read
  // each feed's fetch state and made its promise in one turn of the event loop, for a second.
  const failures: (ImportResult['errors'][number] | null)[] = [];
  let next = 0;
  const fetchNext = async (): Promise<void> => {
    while (next < added.length) {
      const at = next++;
      const { id, url } = added[at] as { id: number; url: string };
      const error = await refresher.refreshFeed(id).then(
        (outcome) => outcome.error,
        (thrown: unknown) => ({
          message: thrown instanceof Error ? thrown.message : String(thrown),
        }),
      );
      done++;
      if (done === total) progress.now();
      else progress.soon();
      failures[at] = error ? { url, message: error.message } : null;
    }
  };
  await Promise.all(Array.from({ length: IMPORT_FETCHES }, fetchNext));
  for (const failure of failures) if (failure) errors.push(failure);
  if (added.length > 0) events.emit('feeds.changed', { feedIds: added.map((f) => f.id) });
  return { added: added.length, skipped, errors };
}

/** The stored form of an imported feed: named after its host when the file gives no name. */
function newFeed(feed: OpmlFeed, url: string) {
  return {
    url,
    title: feed.title ?? new URL(url).hostname.replace(/^www\./, ''),
    siteUrl: feed.siteUrl,
    folder: feed.folder,
  };
}
