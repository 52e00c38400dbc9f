/**
 * Prepares an article's HTML for the reader's images. Stored images come as `/assets/<id>`
 * (same origin, always shown). An image that is not stored can only come from the web: when
 * that is not allowed (offline, or "block remote content" and the user did not ask), it is
 * replaced by a quiet box with its alt text, so the reader never asks the network for it and
 * never shows a broken-image icon. The core leaves the web address of a blocked image in
 * `data-remote-src`; "Load images" puts it back.
 */

/** The reader's HTML and how many images in it could come from the web. */
export interface PreparedBody {
  html: string;
  /** Images shown as placeholders that "Load images" could fetch. */
  remoteImages: number;
}

const WEB = /^https?:\/\//i;
/** Sources that never touch the network: stored assets, inline data. */
const LOCAL = /^(\/assets\/|data:|blob:)/i;

/**
 * Returns `html` with every image that would go to the web replaced by a placeholder, unless
 * `allowRemote` (then a blocked image's `data-remote-src` becomes its src). Works on an inert
 * document (DOMParser), so nothing loads while it runs.
 */
export function prepareBody(html: string, allowRemote: boolean): PreparedBody {
  if (!html.includes('<img')) return { html, remoteImages: 0 };
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  let remoteImages = 0;
  for (const img of doc.body.querySelectorAll('img')) {
    const src = img.getAttribute('src')?.trim() ?? '';
    if (src && LOCAL.test(src)) continue;
    const remote = WEB.test(src) ? src : (img.getAttribute('data-remote-src')?.trim() ?? '');
    if (allowRemote && WEB.test(remote)) {
      img.setAttribute('src', remote);
      continue;
    }
    if (WEB.test(remote)) remoteImages++;
    img.replaceWith(placeholder(doc, img, remote));
  }
  return { html: doc.body.innerHTML, remoteImages };
}

function placeholder(doc: Document, img: HTMLImageElement, remote: string): HTMLElement {
  const alt = img.getAttribute('alt')?.trim() ?? '';
  const box = doc.createElement('span');
  box.className = 'image-placeholder';
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', alt || 'Image not kept offline');
  if (remote) box.setAttribute('data-remote-src', remote);
  box.textContent = alt || 'Image not kept offline';
  return box;
}
