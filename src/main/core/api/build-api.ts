/**
 * Assembles the Api from the services. The type `Api` requires every method of the contract, so
 * a method added to the contract without an implementation does not compile.
 */
import type { Api } from '../../../shared/contract';
import { articlesService } from '../library/articles-service';
import { feedsService } from '../library/subscriptions/feeds-service';
import { foldersService } from '../library/subscriptions/folders-service';
import { opmlService } from '../library/subscriptions/opml';
import { fullTextService } from '../library/offline/full-text';
import { savePageService } from '../library/offline/save-page';
import { searchArticles } from '../library/search';
import { libraryService } from '../library/library-service';
import { offlineService } from '../library/offline/offline-service';
import { settingsService } from '../library/settings-service';
import { relatedService } from '../library/related/related-service';
import { highlightsService } from '../library/annotations/highlights-service';
import { annotationsService } from '../library/annotations/annotations-service';
import type { LibraryContext } from '../library/library-context';

/** Returns the complete Api, built from the services. */
export function buildApi(context: LibraryContext): Api {
  const { store, events, refresher, offline, fetchPage, discover, chooseFolder } = context;
  // Full text and saved pages keep their images through the queue's limits before answering.
  const pages = { store, events, fetchPage, keepImages: (id: number) => offline.keepImages(id) };
  return {
    ...feedsService(store, events, refresher),
    ...foldersService(store, events),
    ...opmlService({ store, events, refresher }),
    ...articlesService(store, events),
    ...fullTextService(pages),
    ...savePageService(pages),
    ...libraryService(store, events),
    'articles.search': async (params) => searchArticles(store, params),
    ...settingsService(store, events),
    ...offlineService(store, offline),
    ...relatedService(store, { discover }),
    ...highlightsService(store, events),
    ...annotationsService(store, events, chooseFolder),
  };
}
