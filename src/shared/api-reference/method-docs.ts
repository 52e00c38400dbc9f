/**
 * The reference text of every Api method and of the groups they are listed in: the source of
 * docs/api.md and of /api/openapi.json's summaries, descriptions and error responses.
 */
import type { Method } from '../methods';
import { ANNOTATION_METHOD_DOCS } from './annotation-method-docs';
import { ARTICLE_METHOD_DOCS } from './article-method-docs';
import { FEED_METHOD_DOCS } from './feed-method-docs';
import { LIBRARY_METHOD_DOCS } from './library-method-docs';
import type { MethodDoc, MethodGroup } from './method-doc';

export type { MethodDoc, MethodGroup } from './method-doc';

/** Returns the reference text of every method (the compiler requires one for each). */
export const METHOD_DOCS: Record<Method, MethodDoc> = {
  ...FEED_METHOD_DOCS,
  ...ARTICLE_METHOD_DOCS,
  ...ANNOTATION_METHOD_DOCS,
  ...LIBRARY_METHOD_DOCS,
};

/** Returns the groups in the order the reference lists them, each with a title and a sentence. */
export const METHOD_GROUPS: Record<MethodGroup, { title: string; description: string }> = {
  feeds: {
    title: 'Feeds',
    description: 'Subscriptions: discover, subscribe, rename, refresh, OPML, related feeds.',
  },
  articles: {
    title: 'Articles',
    description:
      'Reading: the article list, the reader, read and starred state, search, full text, saved pages.',
  },
  highlights: { title: 'Highlights', description: 'Highlighted passages and their notes.' },
  notes: { title: 'Notes', description: 'The Markdown note of each article.' },
  export: { title: 'Export', description: 'Highlights and notes as Markdown files.' },
  settings: { title: 'Settings', description: 'The user’s settings.' },
  offline: { title: 'Offline', description: 'Making articles readable without a network.' },
  library: {
    title: 'Library',
    description: 'The space the library uses, clean-up and compacting.',
  },
  annotations: {
    title: 'Annotations',
    description: 'Highlights and notes in and out as W3C Web Annotations.',
  },
  folders: { title: 'Folders', description: 'One level of folders for feeds.' },
};

/** Returns the group of `method`: the part of its name before the dot. */
export function groupOf(method: Method): MethodGroup {
  return method.slice(0, method.indexOf('.')) as MethodGroup;
}
