/**
 * Article bodies as feeds ship them: paragraphs with links (absolute and relative), emphasis,
 * an image, a list, sometimes a heading or a quote; about 3 KB each, so the sanitizer and the
 * FTS index do the work they do on real posts.
 */
import type { ZipfWords } from './words';

/** Returns one article's HTML of about `targetBytes` (±15%). */
export function articleHtml(words: ZipfWords, serial: number, targetBytes = 3000): string {
  const random = words.random;
  const target = targetBytes * (0.85 + random() * 0.3);
  const blocks: string[] = [];
  let length = 0;
  const add = (block: string): void => {
    blocks.push(block);
    length += block.length;
  };
  add(`<p>${decorated(words, serial)}</p>`);
  add(
    `<p><img src="https://cdn.example.com/images/${serial}.jpg" alt="${words.sentence(3, 6).slice(0, -1)}" width="640" height="360"></p>`,
  );
  let listDone = false;
  while (length < target) {
    const roll = random();
    if (!listDone && blocks.length >= 3) {
      const items = Array.from(
        { length: 3 + Math.floor(random() * 3) },
        () => `<li>${words.sentence(4, 9)}</li>`,
      );
      add(`<ul>${items.join('')}</ul>`);
      listDone = true;
    } else if (roll < 0.08) {
      add(`<h2>${words.sentence(3, 6).slice(0, -1)}</h2>`);
    } else if (roll < 0.14) {
      add(`<blockquote><p>${words.sentence()}</p></blockquote>`);
    } else {
      add(`<p>${decorated(words, serial)}</p>`);
    }
  }
  return blocks.join('\n');
}

/** Returns a paragraph's inner HTML: sentences with a link or emphasis here and there. */
function decorated(words: ZipfWords, serial: number): string {
  const random = words.random;
  const sentences = words.paragraph(2, 4).split(/(?<=\.) /);
  return sentences
    .map((sentence, i) => {
      const roll = random();
      const parts = sentence.split(' ');
      const at = Math.min(parts.length - 1, 1 + Math.floor(random() * (parts.length - 1)));
      const word = parts[at] as string;
      if (roll < 0.25) {
        const href =
          random() < 0.5 ? `https://www.example.org/${serial}/${word}-${i}` : `/topics/${word}`;
        parts[at] = `<a href="${href}">${word}</a>`;
      } else if (roll < 0.4) {
        parts[at] = `<em>${word}</em>`;
      } else if (roll < 0.5) {
        parts[at] = `<strong>${word}</strong>`;
      }
      return parts.join(' ');
    })
    .join(' ');
}
