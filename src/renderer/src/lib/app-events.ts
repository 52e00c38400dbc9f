/**
 * How the app follows what the core pushes: progress events feed their bars, settings and
 * annotation changes their states, and any change to the library reloads the sidebar, the list
 * and the search (once, a moment after a burst of events).
 */
import type { FolioEvent } from '../../../shared/contract';
import type { SubscribeEvents } from './api';
import type { AppState } from './app.svelte';

/** Events closer together than this cause one reload. */
const RELOAD_MS = 250;

/**
 * Starts following the core's events (through `subscribe`) for `app`; failures go to `fail`.
 * Returns the function that stops (and drops a reload still waiting).
 */
export function followEvents(
  app: AppState,
  subscribe: SubscribeEvents,
  fail: (error: unknown) => void,
): () => void {
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = subscribe((event: FolioEvent) => {
    if (event.type === 'refresh') {
      app.refresh.progress(event.data);
      return;
    }
    if (event.type === 'offline') {
      app.offline.progress(event.data);
      return;
    }
    if (event.type === 'import') {
      app.opml.progress(event.data);
      return;
    }
    if (event.type === 'settings.changed') {
      app.settings.changed(event.data);
      return;
    }
    if (event.type === 'annotations.changed') {
      void app.annotations.refresh(event.data.articleId).catch(fail);
      if (app.route.source === 'notebook') void app.notebook.load().catch(fail);
    }
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void reload(app).catch(fail), RELOAD_MS);
  });
  return () => {
    unsubscribe();
    clearTimeout(reloadTimer);
  };
}

async function reload(app: AppState): Promise<void> {
  await Promise.all([
    app.sources.load(),
    app.list.load(app.route.source, app.route.articleId),
    app.search.run(),
  ]);
  // The open article may have become readable offline (its images were stored).
  const open = app.list.items.find((a) => a.id === app.reader.article?.id);
  if (open) app.reader.patch(open);
}
