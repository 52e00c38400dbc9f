/**
 * The seed: the article Folio was started from (resources/seed/harbin-visit.txt), imported as a
 * library article on first start (docs/technotes/seed-import.md). The first line is the title,
 * short lines without a final full stop are section headings, the rest are paragraphs, and the
 * page cruft copied along with it ("Write a comment") is dropped.
 */
import type { Store } from '../storage/store';
import { escapeHtml } from '../../../shared/html';

/** The seed as an article body. */
export interface SeedArticle {
  title: string;
  html: string;
  /** Plain text of the body, blocks separated by blank lines (what search and anchoring use). */
  text: string;
}

/** The seed's stable identity: one row, whatever happens on later starts. */
export const SEED_UID = 'library:seed:harbin-visit';
const SEED_IMPORTED = 'seed.imported';

/** A heading is short and does not end like a sentence. */
const MAX_HEADING_CHARS = 90;
const SENTENCE_END = /[.!?:;,…]["'”’)]?$/;
/** Lines that are page furniture, not article text, when they close the copy. */
const TRAILING_CRUFT = /^(write a comment|leave a comment|add a comment|comments?|share( this)?)$/i;

/** Returns the title, HTML and plain text of a seed-format text. */
export function parseSeed(source: string): SeedArticle {
  const lines = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
  while (lines.length > 1 && TRAILING_CRUFT.test(lines[lines.length - 1] as string)) lines.pop();
  const [title = 'Untitled', ...body] = lines;
  const blocks = body.map((line) => (isHeading(line) ? { tag: 'h2', line } : { tag: 'p', line }));
  return {
    title,
    html: blocks.map(({ tag, line }) => `<${tag}>${escapeHtml(line)}</${tag}>`).join('\n'),
    text: blocks.map(({ line }) => line).join('\n\n'),
  };
}

function isHeading(line: string): boolean {
  return line.length <= MAX_HEADING_CHARS && !SENTENCE_END.test(line);
}

/**
 * Imports the seed once in the life of a database: on the first start only, so that a user who
 * deletes it later does not get it back. Returns the seed's article id, or null when skipped.
 */
export function importSeedOnce(store: Store, source: string): number | null {
  return store.transaction(() => {
    if (store.settings.get(SEED_IMPORTED, false)) return null;
    const existing = store.articles.idByUid(SEED_UID);
    if (existing !== null) {
      store.settings.set(SEED_IMPORTED, true);
      return null;
    }
    const seed = parseSeed(source);
    const id = store.articles.insert({
      uid: SEED_UID,
      feedId: null,
      kind: 'seed',
      url: null,
      title: seed.title,
      author: null,
      publishedAt: null,
      contentHtml: seed.html,
      text: seed.text,
    });
    store.settings.set(SEED_IMPORTED, true);
    return id;
  });
}
