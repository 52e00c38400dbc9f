/**
 * zod schemas of the highlight and note types of model.ts (HighlightColor, Highlight,
 * ArticleNote, ListedNote, AnnotationImport), for the generated Api reference (docs/api.md) and
 * /api/openapi.json. Each is checked at compile time to match its model.ts type exactly.
 */
import { z } from 'zod';
import {
  HIGHLIGHT_COLORS,
  type AnnotationImport,
  type ArticleNote,
  type Highlight,
  type HighlightColor,
  type ListedNote,
} from '../model';
import { count, isoTime, recordId, recordIdOrNull } from './common';
import type { Equal, Expect } from './type-equal';

/** The schema of HighlightColor: one of the four highlight colours. */
export const highlightColorSchema = z
  .enum(HIGHLIGHT_COLORS)
  .meta({ id: 'HighlightColor', description: 'One of the four highlight colours.' });

/** The schema of Highlight: a passage anchored by quote with context and by text position. */
export const highlightSchema = z
  .strictObject({
    id: recordId('The highlight’s id.'),
    articleId: recordId('The highlighted article.'),
    articleTitle: z.string().describe('The highlighted article’s title.'),
    exact: z.string().describe('The highlighted text (W3C TextQuoteSelector `exact`).'),
    prefix: z.string().describe('Up to ~32 characters of text just before the quote.'),
    suffix: z.string().describe('Up to ~32 characters of text just after the quote.'),
    start: count('Where the quote starts in the article’s text (TextPositionSelector).'),
    end: count('Where the quote ends in the article’s text (exclusive).'),
    color: highlightColorSchema.describe('The highlight’s colour.'),
    note: z.string().describe('The highlight’s note in Markdown; empty when it has none.'),
    createdAt: isoTime('When the highlight was made.'),
    updatedAt: isoTime('When its colour or note last changed.'),
    orphaned: z
      .boolean()
      .describe(
        'True when the quote can no longer be found in the article’s current text (kept, listed).',
      ),
    feedId: recordIdOrNull('The feed of the highlighted article; null for the library.'),
  })
  .meta({
    id: 'Highlight',
    description:
      'A highlighted passage, anchored by quote with context and by text position (re-anchored ' +
      'when the article changes; never dropped).',
  });

/** The schema of ArticleNote: the Markdown note on one article. */
export const articleNoteSchema = z
  .strictObject({
    articleId: recordId('The article the note is on.'),
    body: z.string().describe('The note in Markdown; empty once it was cleared (deleted).'),
    updatedAt: isoTime('When the note was last written.'),
  })
  .meta({ id: 'ArticleNote', description: 'The Markdown note on one article.' });

/** The schema of ListedNote: an article note as the notebook lists it. */
export const listedNoteSchema = articleNoteSchema
  .extend({
    articleTitle: z.string().describe('The article’s title.'),
    feedId: recordIdOrNull('The article’s feed; null for the library.'),
  })
  .meta({ id: 'ListedNote', description: 'An article note as the notebook lists it.' });

/** The schema of AnnotationImport: the outcome of importing annotations. */
export const annotationImportSchema = z
  .strictObject({
    highlights: count('Highlights imported.'),
    notes: count('Article notes imported.'),
    skipped: count('Annotations whose article is not in this library, or that were already there.'),
    errors: z.array(z.string()).describe('Annotations that could not be read, and why.'),
  })
  .meta({ id: 'AnnotationImport', description: 'The outcome of importing annotations.' });

// Drift check: each schema's output is exactly its model.ts type (npm run typecheck).
export type _AnnotationSchemasMatch = [
  Expect<Equal<z.output<typeof highlightColorSchema>, HighlightColor>>,
  Expect<Equal<z.output<typeof highlightSchema>, Highlight>>,
  Expect<Equal<z.output<typeof articleNoteSchema>, ArticleNote>>,
  Expect<Equal<z.output<typeof listedNoteSchema>, ListedNote>>,
  Expect<Equal<z.output<typeof annotationImportSchema>, AnnotationImport>>,
];
