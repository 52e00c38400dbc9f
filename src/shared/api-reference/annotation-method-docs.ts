/** The reference text of the highlights.*, notes.*, export.* and annotations.* methods. */
import type { MethodDoc, MethodsOf } from './method-doc';

const NO_ARTICLE = 'there is no article with this id';
const NO_HIGHLIGHT = 'there is no highlight with this id';

/** Returns the reference text of every highlights.*, notes.*, export.* and annotations.* method. */
export const ANNOTATION_METHOD_DOCS: Record<
  MethodsOf<'highlights' | 'notes' | 'export' | 'annotations'>,
  MethodDoc
> = {
  'highlights.create': {
    summary: 'Highlight a passage of an article.',
    description:
      'Stores a highlight of article `articleId`, anchored like the W3C Web Annotation model: ' +
      'the quote `exact` with `prefix` and `suffix` (about 32 characters each) and its `start` ' +
      'and `end` offsets in the article’s text. The quote must be in the article, at those ' +
      'offsets or where anchoring finds it. Colour defaults to yellow. It is on disk when the ' +
      'call answers. Sends `annotations.changed`.',
    errors: {
      NOT_FOUND: NO_ARTICLE,
      BAD_REQUEST: 'the quote is not in the article, or `end` is not after `start`',
    },
  },
  'highlights.update': {
    summary: 'Recolour a highlight or change its note.',
    description:
      'Changes the colour and/or the Markdown note of highlight `id` and returns it, anchored ' +
      'in the current text. Sends `annotations.changed`.',
    errors: { NOT_FOUND: NO_HIGHLIGHT },
  },
  'highlights.delete': {
    summary: 'Delete a highlight.',
    description: 'Deletes highlight `id` and its note. Sends `annotations.changed`.',
    errors: { NOT_FOUND: NO_HIGHLIGHT },
  },
  'highlights.list': {
    summary: 'List highlights (the notebook).',
    description:
      'Returns the highlights of article `articleId` in reading order, or else every highlight ' +
      'newest first, narrowed to feed `feedId` and colour `color` when given. Each is placed in ' +
      'its article’s current text; one that can no longer be found is `orphaned`, never dropped.',
    errors: {},
  },
  'notes.set': {
    summary: 'Write an article’s note.',
    description:
      'Sets the Markdown note of article `articleId`; an empty or blank `body` deletes it. ' +
      'Returns the note as it now is. Sends `annotations.changed`.',
    errors: { NOT_FOUND: NO_ARTICLE },
  },
  'notes.list': {
    summary: 'List every article note (the notebook).',
    description: 'Returns every article note, most recently written first, with its article.',
    errors: {},
  },
  'export.markdown': {
    summary: 'Export highlights and notes as Markdown.',
    description:
      'Returns one Markdown file per article with highlights or a note (or only article ' +
      '`articleId`): front matter, the article’s note, then each highlight’s quote and note, ' +
      'ready for Obsidian. Nothing is written to disk; browser mode offers the files as a zip.',
    errors: { NOT_FOUND: NO_ARTICLE },
  },
  'export.toFolder': {
    summary: 'Write the Markdown export into a folder (desktop app).',
    description:
      'Asks the user for a folder and writes export.markdown’s files into it, replacing files ' +
      'of the same name through a temporary file each, so a crash never leaves half a note. ' +
      'Answers `folder: null` when the user cancels or there is nothing to export. Desktop app ' +
      'only: browser mode has no folder dialog.',
    errors: {
      BAD_REQUEST: 'browser mode (download the zip instead), or the chosen path is not a folder',
      NOT_FOUND: NO_ARTICLE,
    },
  },
  'annotations.exportW3C': {
    summary: 'Export highlights and notes as W3C Web Annotations.',
    description:
      'Returns the highlights and notes of every annotated article (or only article ' +
      '`articleId`) as a W3C Web Annotation collection (JSON-LD), as text ready to save. ' +
      'annotations.importW3C reads it back.',
    errors: { NOT_FOUND: NO_ARTICLE },
  },
  'annotations.importW3C': {
    summary: 'Import W3C Web Annotations.',
    description:
      'Adds the highlights and notes of the Web Annotation collection `json` to the articles of ' +
      'this library they point at (by URL, or by Folio’s own article URN). Annotations whose ' +
      'article is not here, or that are already there, are skipped. Sends ' +
      '`annotations.changed` for each article that got some.',
    errors: { BAD_REQUEST: 'the text is not JSON, or not a Web Annotation collection' },
  },
};
