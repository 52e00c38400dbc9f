/**
 * `annotations.exportW3C`: highlights and notes as a W3C Web Annotation collection (JSON-LD,
 * https://www.w3.org/TR/annotation-model/), the open format annotation tools exchange. Mapping
 * (docs/technotes/highlights-and-notes.md, "Web Annotation"):
 *   - a highlight is an Annotation with motivation "highlighting", target {source, styleClass,
 *     selector: [TextQuoteSelector, TextPositionSelector]} and, when it has a note, a
 *     TextualBody (text/markdown, purpose "commenting");
 *   - its colour is the target's styleClass ("folio-yellow"…) with the Annotation's CssStylesheet
 *     defining it: the model's own way to say how a target is shown, so no private vocabulary;
 *   - an article note is an Annotation with motivation "commenting" on the whole source;
 *   - the source is the article's URL, or `urn:folio:article:<uid>` for a library article
 *     without one;
 *   - the collection embeds its one page as `first` (AnnotationPage with `items`), as the model
 *     lays collections out.
 */
import { ApiError } from '../../../../shared/contract';
import type { ArticleNote, Highlight, HighlightColor } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import { highlightsOfArticle } from './reanchor';

/** The JSON-LD context of the Web Annotation model. */
const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix of a library article's source when it has no URL; the rest is its uid, encoded. */
export const ARTICLE_URN = 'urn:folio:article:';
/** Prefix of the styleClass that carries a highlight's colour. */
export const COLOR_CLASS = 'folio-';

/** The colours as CSS, for the stylesheet each highlight annotation carries. */
const CSS_COLORS: Record<HighlightColor, string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
};

/** Returns the collection for one article, or for every annotated article, as JSON text. */
export function exportW3C(store: Store, { articleId }: { articleId?: number }): { json: string } {
  if (articleId !== undefined && !store.articles.summary(articleId)) {
    throw new ApiError('NOT_FOUND', `There is no article ${articleId}.`);
  }
  const ids = articleId !== undefined ? [articleId] : store.annotations.annotatedArticleIds();
  const items: object[] = [];
  for (const id of ids) {
    const summary = store.articles.summary(id);
    if (!summary) continue;
    const source =
      summary.url ?? ARTICLE_URN + encodeURIComponent(store.annotations.uidOf(id) ?? String(id));
    const note = store.annotations.noteOf(id);
    if (note) items.push(noteAnnotation(note, source));
    for (const highlight of highlightsOfArticle(store, id)) {
      items.push(highlightAnnotation(highlight, source));
    }
  }
  const collection = {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: 'Folio highlights and notes',
    total: items.length,
    generator: { type: 'Software', name: 'Folio' },
    generated: new Date().toISOString(),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return { json: JSON.stringify(collection, null, 2) };
}

/** Returns the Annotation of one highlight. */
function highlightAnnotation(highlight: Highlight, source: string): object {
  const styleClass = COLOR_CLASS + highlight.color;
  return {
    id: `urn:folio:highlight:${highlight.id}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    ...(highlight.note === ''
      ? {}
      : {
          body: {
            type: 'TextualBody',
            value: highlight.note,
            format: 'text/markdown',
            purpose: 'commenting',
          },
        }),
    stylesheet: {
      type: 'CssStylesheet',
      value: `.${styleClass} { background-color: ${CSS_COLORS[highlight.color]}; }`,
    },
    target: {
      source,
      styleClass,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: highlight.exact,
          prefix: highlight.prefix,
          suffix: highlight.suffix,
        },
        { type: 'TextPositionSelector', start: highlight.start, end: highlight.end },
      ],
    },
  };
}

/** Returns the Annotation of an article note: a comment on the whole article. */
function noteAnnotation(note: ArticleNote, source: string): object {
  return {
    id: `urn:folio:note:${note.articleId}`,
    type: 'Annotation',
    motivation: 'commenting',
    modified: note.updatedAt,
    body: { type: 'TextualBody', value: note.body, format: 'text/markdown', purpose: 'commenting' },
    target: { source },
  };
}
