/**
 * The highlight and note methods of the Api. Each write is its own IMMEDIATE transaction, never
 * batched with anything else (a refresh waits for it, or it for the refresh), so a highlight the
 * Api has answered for is on disk (docs/technotes/highlights-and-notes.md). Every change emits
 * `annotations.changed` for its article.
 */
import { ApiError, type Api, type Params } from '../../../../shared/contract';
import type { ArticleNote, Highlight } from '../../../../shared/model';
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import { ArticleTexts, placeQuote, reanchor } from './reanchor';

type Methods =
  | 'highlights.create'
  | 'highlights.update'
  | 'highlights.delete'
  | 'highlights.list'
  | 'notes.set'
  | 'notes.list';

/** Returns the implementations of the highlight and note methods. */
export function highlightsService(store: Store, events: EventHub): Pick<Api, Methods> {
  const changed = (articleId: number): void => events.emit('annotations.changed', { articleId });
  return {
    'highlights.create': async (params) => {
      const highlight = createHighlight(store, params);
      changed(highlight.articleId);
      return highlight;
    },
    'highlights.update': async ({ id, color, note }) => {
      const highlight = store.transaction(() => {
        if (!store.annotations.highlights.update(id, { color, note })) throw noHighlight(id);
        return placed(store, id);
      });
      changed(highlight.articleId);
      return highlight;
    },
    'highlights.delete': async ({ id }) => {
      const articleId = store.transaction(() => {
        const highlight = store.annotations.highlights.get(id);
        if (!highlight) throw noHighlight(id);
        store.annotations.highlights.delete(id);
        return highlight.articleId;
      });
      changed(articleId);
      return { ok: true };
    },
    'highlights.list': async (filter) => reanchor(store, store.annotations.highlights.list(filter)),
    'notes.set': async ({ articleId, body }) => {
      const note = setNote(store, articleId, body);
      changed(articleId);
      return note;
    },
    'notes.list': async () => store.annotations.notes.list(),
  };
}

/**
 * Stores a new highlight as the client sent it, once its quote is known to be in the article
 * (at its offsets, or where anchoring finds it, in either body); returns it re-anchored.
 * Throws NOT_FOUND for a missing article, BAD_REQUEST for a quote that is not in it.
 */
function createHighlight(store: Store, params: Params<'highlights.create'>): Highlight {
  const { articleId, color = 'yellow', note = '', ...selector } = params;
  return store.transaction(() => {
    const text = store.annotations.highlights.articleTexts([articleId]).get(articleId);
    if (text === undefined) throw noArticle(articleId);
    if (placeQuote(new ArticleTexts(store, articleId, text), selector) === null) {
      throw new ApiError('BAD_REQUEST', 'The quote is not in the article.');
    }
    const id = store.annotations.highlights.create({ articleId, color, note, ...selector });
    return placed(store, id);
  });
}

/**
 * Writes an article's Markdown note; an empty (or blank) body deletes it, as clearing a note is
 * meant to remove it. Returns the note as it now is (an empty body when deleted).
 */
function setNote(store: Store, articleId: number, body: string): ArticleNote {
  const now = Date.now();
  return store.transaction(() => {
    if (!store.articles.summary(articleId)) throw noArticle(articleId);
    if (body.trim() === '') {
      store.annotations.notes.delete(articleId);
      return { articleId, body: '', updatedAt: new Date(now).toISOString() };
    }
    return store.annotations.notes.set(articleId, body, now);
  });
}

/** Returns one highlight re-anchored; it must exist. */
function placed(store: Store, id: number): Highlight {
  const stored = store.annotations.highlights.get(id);
  if (!stored) throw noHighlight(id);
  return reanchor(store, [stored])[0] as Highlight;
}

function noHighlight(id: number): ApiError {
  return new ApiError('NOT_FOUND', `There is no highlight ${id}.`);
}

function noArticle(id: number): ApiError {
  return new ApiError('NOT_FOUND', `There is no article ${id}.`);
}
