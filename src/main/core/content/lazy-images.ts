/**
 * Lazy-loaded images made real before extraction. Pages ship a placeholder (a 1×1 GIF, a grey
 * PNG, nothing) in `src` and let a script swap in the real image from a data attribute, or keep
 * the real `<img>` only in `<noscript>` (Medium). We run no script, so without this Readability
 * sees empty boxes, drops some of them, and the images never reach the reader or the offline
 * image store.
 */
import type { PageDocument, PageElement } from './page-dom';

/** Where lazy loaders keep the real source: lazysizes/WordPress, jQuery lazyload, a3/rocket. */
const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];

/** Promotes lazy sources to `src`/`srcset` and unwraps `<noscript>` images, in place. */
export function fixLazyImages(document: PageDocument): void {
  for (const element of Array.from(document.querySelectorAll('img, picture > source'))) {
    promoteLazySources(element);
  }
  for (const noscript of Array.from(document.querySelectorAll('noscript'))) {
    unwrapNoscriptImage(document, noscript);
  }
}

/** The lazy attribute names the real image: it wins over whatever placeholder `src` holds. */
function promoteLazySources(element: PageElement): void {
  const src = firstValue(element, LAZY_SRC);
  const srcset = firstValue(element, LAZY_SRCSET);
  if (src !== null) element.setAttribute('src', src);
  if (srcset !== null) element.setAttribute('srcset', srcset);
  for (const name of [...LAZY_SRC, ...LAZY_SRCSET]) element.removeAttribute(name);
}

function firstValue(element: PageElement, names: readonly string[]): string | null {
  for (const name of names) {
    const value = element.getAttribute(name)?.trim();
    if (value && !value.startsWith('data:')) return value;
  }
  return null;
}

/**
 * A `<noscript>` holding one image: the image replaces the empty placeholder just before it, or
 * stands alone when there is none. When the image before it already has a real source, the
 * noscript copy is a duplicate and goes.
 */
function unwrapNoscriptImage(document: PageDocument, noscript: PageElement): void {
  // Parsed with scripting off, noscript holds elements; a parser with scripting on gives text.
  const markup = noscript.children.length > 0 ? noscript.innerHTML : (noscript.textContent ?? '');
  const holder = document.createElement('div');
  holder.innerHTML = markup;
  const images = holder.querySelectorAll('img');
  const image = images.length === 1 ? (images[0] as PageElement) : null;
  if (image === null) return;
  promoteLazySources(image);
  if (!hasSource(image)) return;

  const placeholder = placeholderBefore(noscript);
  if (placeholder === null) {
    noscript.replaceWith(image);
  } else {
    if (!hasSource(placeholder)) placeholder.replaceWith(image);
    noscript.remove();
  }
}

/** Returns the `<img>` right before the noscript (alone or alone in its wrapper), or null. */
function placeholderBefore(noscript: PageElement): PageElement | null {
  const previous = noscript.previousElementSibling;
  if (previous === null) return null;
  if (previous.tagName.toLowerCase() === 'img') return previous;
  const inside = previous.querySelectorAll('img');
  const onlyImage = previous.children.length === 1 && inside.length === 1;
  return onlyImage && !previous.textContent?.trim() ? (inside[0] as PageElement) : null;
}

/** True when the image has a real source: a `src` that is not a data: placeholder, or a srcset. */
function hasSource(image: PageElement): boolean {
  const src = image.getAttribute('src')?.trim() ?? '';
  return (src !== '' && !src.startsWith('data:')) || !!image.getAttribute('srcset')?.trim();
}
