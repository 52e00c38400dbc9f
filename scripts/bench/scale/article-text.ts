/**
 * One generated article of the scale libraries: a title, maybe an author, ~4 KB of Zipf text in
 * paragraphs, and its HTML (paragraphs, a few links, and the article's image when it has one).
 */
import type { ZipfWords } from '../words';
import { TEXT_BYTES } from './library-shape';

/** A generated article's content columns. */
export interface ArticleContent {
  title: string;
  author: string | null;
  text: string;
  html: string;
}

/** Returns `count` author names of two capitalized words each. */
export function makeAuthors(words: ZipfWords, count: number): string[] {
  return Array.from({ length: count }, () => `${capital(words.word())} ${capital(words.word())}`);
}

/** Returns an article of TEXT_BYTES of text, with `imageUrl` at the top of its HTML if given. */
export function makeArticle(
  words: ZipfWords,
  authors: readonly string[],
  siteUrl: string,
  imageUrl: string | null,
): ArticleContent {
  const { random } = words;
  const bytes = TEXT_BYTES.min + random() * (TEXT_BYTES.max - TEXT_BYTES.min);
  const paragraphs: string[] = [];
  const html: string[] = [];
  if (imageUrl !== null) html.push(`<figure><img src="${imageUrl}" alt=""></figure>`);
  let length = 0;
  while (length < bytes) {
    const paragraph = words.paragraph();
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
    // One paragraph in four links its first word, as articles link their sources.
    if (random() < 0.25) {
      const space = paragraph.indexOf(' ');
      const slug = Math.floor(random() * 1e9).toString(36);
      html.push(
        `<p><a href="${siteUrl}${slug}">${paragraph.slice(0, space)}</a>${paragraph.slice(space)}</p>`,
      );
    } else {
      html.push(`<p>${paragraph}</p>`);
    }
  }
  return {
    title: words.sentence(4, 10).slice(0, -1),
    author: random() < 0.5 ? (authors[Math.floor(random() * authors.length)] as string) : null,
    text: paragraphs.join('\n\n'),
    html: html.join('\n'),
  };
}

/** Returns `word` with its first letter in capitals. */
export function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
