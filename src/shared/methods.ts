/**
 * The Api's method names, in one dependency-free list. The sandboxed preload imports only this
 * file (it cannot load zod), and every transport allow-lists calls against it.
 */
export const METHODS = [
  'feeds.list',
  'feeds.add',
  'feeds.update',
  'feeds.remove',
  'feeds.refresh',
  'feeds.discover',
  'feeds.importOpml',
  'feeds.exportOpml',
  'feeds.related',
  'articles.list',
  'articles.get',
  'articles.update',
  'articles.search',
  'articles.fetchFullText',
  'articles.save',
  'highlights.create',
  'highlights.update',
  'highlights.delete',
  'highlights.list',
  'notes.set',
  'export.markdown',
  // Offline reading: settings, making articles available offline, the library's space.
  'settings.get',
  'settings.update',
  'offline.make',
  'library.usage',
  'library.cleanup',
  'library.compact',
  // Highlights and notes: the notebook's notes, Web Annotation export and import, folder export.
  'notes.list',
  'annotations.exportW3C',
  'annotations.importW3C',
  'export.toFolder',
  // Subscriptions: folders, and related articles.
  'folders.rename',
  'folders.delete',
  'articles.related',
] as const;

/** One Api method name, such as `articles.list`. */
export type Method = (typeof METHODS)[number];

const methodSet: ReadonlySet<string> = new Set(METHODS);

/** Returns true when `name` is one of the Api's methods (the allow-list check of every transport). */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && methodSet.has(name);
}

/** The single IPC channel for Api calls, and the one for events pushed to the window. */
export const IPC_CALL_CHANNEL = 'folio:call';
export const IPC_EVENT_CHANNEL = 'folio:event';
