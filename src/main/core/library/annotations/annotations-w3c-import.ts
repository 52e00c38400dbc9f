/**
 * `annotations.importW3C`: reads a Web Annotation collection (ours, or another tool's) back
 * (parsing: annotations-w3c-parse.ts). Each target is matched to an article by URL (or by uid
 * for `urn:folio:article:` sources), the quote re-anchored, and what is not there yet created,
 * each in its own transaction.
 */
import { ApiError } from '../../../../shared/contract';
import type { AnnotationImport } from '../../../../shared/model';
import type { EventHub } from '../../events';
import type { Store } from '../../storage/store';
import { ARTICLE_URN } from './annotations-w3c';
import {
  parseAnnotations,
  uidOf,
  type ParsedAnnotation,
  type ParsedFile,
} from './annotations-w3c-parse';
import { ArticleTexts, placeQuote } from './reanchor';

/**
 * Imports the annotations in `json`; returns how many highlights and notes were created, how
 * many were skipped (no such article here, or already there) and what could not be read.
 * Throws BAD_REQUEST when `json` is not JSON or holds no annotations at all.
 */
export function importW3C(store: Store, events: EventHub, json: string): AnnotationImport {
  let file: ParsedFile | null;
  try {
    file = parseAnnotations(json);
  } catch {
    throw new ApiError('BAD_REQUEST', 'The file is not JSON.');
  }
  if (file === null) {
    throw new ApiError('BAD_REQUEST', 'The file is not a W3C Web Annotation collection.');
  }
  const parsed = file.annotations;
  const outcome: AnnotationImport = { highlights: 0, notes: 0, skipped: 0, errors: file.errors };

  const uids = parsed.filter((p) => p.source.startsWith(ARTICLE_URN)).map((p) => uidOf(p.source));
  const urls = parsed.filter((p) => !p.source.startsWith(ARTICLE_URN)).map((p) => p.source);
  const articles = store.annotations.articlesFor(uids, urls);
  const touched = new Set<number>();
  for (const item of parsed) {
    const key = item.source.startsWith(ARTICLE_URN) ? uidOf(item.source) : item.source;
    const candidates = articles.get(key) ?? [];
    const articleId =
      item.kind === 'highlight'
        ? importHighlight(store, candidates, item)
        : importNote(store, candidates, item);
    if (articleId === null) outcome.skipped++;
    else {
      outcome[item.kind === 'highlight' ? 'highlights' : 'notes']++;
      touched.add(articleId);
    }
  }
  for (const articleId of touched) events.emit('annotations.changed', { articleId });
  return outcome;
}

/**
 * Creates the highlight in the first candidate article that holds its quote (or, when none
 * does, the first candidate: it is then listed as orphaned, not lost). Returns the article, or
 * null when there is none or it already has this quote at this place.
 */
function importHighlight(
  store: Store,
  candidates: number[],
  item: Extract<ParsedAnnotation, { kind: 'highlight' }>,
): number | null {
  if (candidates.length === 0) return null;
  return store.transaction(() => {
    const texts = store.annotations.highlights.articleTexts(candidates);
    let articleId = candidates[0] as number;
    let place = { start: item.selector.start, end: item.selector.end };
    for (const id of candidates) {
      const placed = placeQuote(new ArticleTexts(store, id, texts.get(id) ?? ''), item.selector);
      if (placed === null) continue;
      articleId = id;
      if (placed.in === 'shown') place = { start: placed.start, end: placed.end };
      break;
    }
    const starts = [item.selector.start, place.start];
    if (store.annotations.highlights.exists(articleId, item.selector.exact, starts)) return null;
    store.annotations.highlights.create({
      articleId,
      ...item.selector,
      ...place,
      color: item.color,
      note: item.note,
      createdAt: item.created,
      updatedAt: item.modified ?? item.created,
    });
    return articleId;
  });
}

/**
 * Sets the note of the first candidate article. A note already there is never replaced: the
 * imported text is appended below a rule, unless the note already contains it (then skipped).
 */
function importNote(
  store: Store,
  candidates: number[],
  item: Extract<ParsedAnnotation, { kind: 'note' }>,
): number | null {
  const articleId = candidates[0];
  if (articleId === undefined || item.body.trim() === '') return null;
  return store.transaction(() => {
    const existing = store.annotations.notes.get(articleId);
    if (existing?.body.includes(item.body.trim())) return null;
    const body = existing ? `${existing.body.trimEnd()}\n\n---\n\n${item.body}` : item.body;
    store.annotations.notes.set(
      articleId,
      body,
      existing ? Date.now() : (item.modified ?? Date.now()),
    );
    return articleId;
  });
}
