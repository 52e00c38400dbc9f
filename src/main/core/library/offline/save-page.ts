/**
 * `articles.save`: any web page kept as a library article (read-it-later), its readable part
 * extracted as for full text (docs/technotes/offline-reading.md, "Full text and saved pages").
 */
import type { Article } from '../../../../shared/model';
import { notAfter, parseFeedDate } from '../../feeds/dates';
import { shortHash } from '../../feeds/identity';
import { stripTracking } from '../../feeds/urls';
import { getArticle } from '../articles-service';
import { readPage, type PageDeps } from './full-text';

/**
 * Returns the canonical form of a page's URL: tracking parameters (utm_*, fbclid…) and the
 * fragment dropped, since neither names another page.
 */
function canonicalPageUrl(url: string): string {
  const stripped = new URL(stripTracking(url));
  stripped.hash = '';
  return stripped.href;
}

/** Returns the uid of the saved page at `url`: one article per canonical URL. */
export function savedPageUid(url: string): string {
  return `library:saved:${canonicalPageUrl(url)}`;
}

/**
 * Fetches the page at `url`, extracts it and stores it as a library article (kind 'saved', no
 * feed); returns its id. Saving a page again updates the same article (found by the URL asked for
 * or the one redirected to) when its content changed: never a duplicate. Throws as readPage does,
 * and then stores nothing.
 */
export async function savePage(deps: PageDeps, url: string, now = Date.now()): Promise<number> {
  const { store, events } = deps;
  const page = await readPage(deps, url);
  const pageUrl = canonicalPageUrl(page.finalUrl);
  const publishedAt = notAfter(parseFeedDate(page.publishedTime), now);
  const content = {
    url: pageUrl,
    title: page.title || pageUrl,
    author: page.byline,
    publishedAt,
    contentHtml: page.html,
    text: page.text,
    contentHash: shortHash(page.title, page.byline ?? '', String(publishedAt), page.html),
  };
  const uids = [savedPageUid(page.finalUrl), savedPageUid(url)];
  const { id, changed } = store.transaction(() => {
    const existing = uids.map((uid) => store.articles.idByUid(uid)).find((found) => found !== null);
    if (existing != null) {
      return { id: existing, changed: store.articles.updateContent(existing, content, now) };
    }
    const uid = uids[0] as string;
    return {
      id: store.articles.insert({ ...content, uid, feedId: null, kind: 'saved' }, now),
      changed: true,
    };
  });
  if (changed) events.emit('articles.changed', { feedId: null, articleIds: [id] });
  return id;
}

/** Returns the implementation of `articles.save`: the page, then its images. */
export function savePageService(deps: PageDeps): {
  'articles.save': (params: { url: string }) => Promise<Article>;
} {
  return {
    'articles.save': async ({ url }) => {
      const id = await savePage(deps, url);
      // Images are best effort: the page is kept whether or not they could be.
      await deps.keepImages?.(id).catch(() => undefined);
      return getArticle(deps.store, id);
    },
  };
}
