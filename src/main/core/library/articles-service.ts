/** The article methods of the Api over the store: list, get and read/star state. */
import { ApiError, type Api, type Params } from '../../../shared/contract';
import type { Article, ArticleSummary } from '../../../shared/model';
import type { Store } from '../storage/store';
import type { EventHub } from '../events';
import { localizeImages } from '../content/localize-images';
import { readSettings } from './settings';
import { highlightsOfArticle } from './annotations/reanchor';

/** Returns the implementations of `articles.list`, `articles.get` and `articles.update`. */
export function articlesService(
  store: Store,
  events: EventHub,
): Pick<Api, 'articles.list' | 'articles.get' | 'articles.update'> {
  return {
    'articles.list': async (params) => store.articles.list(params),
    'articles.get': async ({ id }) => getArticle(store, id),
    'articles.update': async (params) => updateArticle(store, events, params),
  };
}

/**
 * Returns the whole article for the reader, or throws NOT_FOUND. Its HTML shows stored images
 * from `/assets/<id>`, and no remote image or media when remote content is blocked
 * (docs/technotes/offline-reading.md).
 */
export function getArticle(store: Store, id: number): Article {
  const summary = store.articles.summary(id);
  const content = store.articles.content(id);
  if (!summary || !content) throw new ApiError('NOT_FOUND', `There is no article ${id}.`);
  const stored = store.offline.storedImages(id);
  const options = { blockRemote: readSettings(store).blockRemoteContent };
  return {
    ...summary,
    contentHtml: localizeImages(content.contentHtml, stored, options),
    fullTextHtml:
      content.fullTextHtml === null ? null : localizeImages(content.fullTextHtml, stored, options),
    // Placed in the current text: a refresh may have moved them since they were made.
    highlights: highlightsOfArticle(store, id),
    note: store.annotations.noteOf(id),
    categories: content.categories,
    enclosures: content.enclosures,
  };
}

function updateArticle(
  store: Store,
  events: EventHub,
  { id, read, starred }: Params<'articles.update'>,
): ArticleSummary {
  const summary = store.transaction(() => {
    if (!store.articles.setState(id, { read, starred })) return null;
    return store.articles.summary(id);
  });
  if (!summary) throw new ApiError('NOT_FOUND', `There is no article ${id}.`);
  if (read !== undefined || starred !== undefined) {
    events.emit('articles.changed', { feedId: summary.feedId, articleIds: [id] });
  }
  return summary;
}
