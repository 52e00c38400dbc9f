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
import { parseOpml, type OpmlFeed } from './opml-parse';
import { writeOpml } from './opml-write';

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
  const doc = parseOpml(xml);
  const errors: ImportResult['errors'] = doc.invalid.map((i) => ({ ...i }));
  let skipped = 0;
  const added = store.transaction(() => {
    const seen = new Set<string>();
    const out: { id: number; url: string }[] = [];
    for (const feed of doc.feeds) {
      const url = new URL(feed.url).href;
      if (seen.has(url) || store.feeds.byUrl(url) || store.feeds.byUrl(feed.url)) {
        skipped++;
        continue;
      }
      seen.add(url);
      out.push({ id: store.feeds.insert(newFeed(feed, url)), url });
    }
    return out;
  });
  if (added.length > 0) events.emit('feeds.changed', { feedIds: added.map((f) => f.id) });

  let done = 0;
  const total = added.length;
  events.emit('import', { done, total });
  const failures = await Promise.all(
    added.map(async ({ id, url }) => {
      const error = await refresher.refreshFeed(id).then(
        (outcome) => outcome.error,
        (thrown: unknown) => ({
          message: thrown instanceof Error ? thrown.message : String(thrown),
        }),
      );
      events.emit('import', { done: ++done, total });
      return error ? { url, message: error.message } : null;
    }),
  );
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
