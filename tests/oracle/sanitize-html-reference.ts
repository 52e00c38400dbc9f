/**
 * TEST ORACLE, not app code: the sanitize-html based sanitizer Folio used before its own
 * single-pass one (src/main/core/content/sanitize.ts, kept byte for byte as it was in commit
 * e7388c2). The issue asked for a well-known library's allow-list; the app now runs its own pass
 * for speed, and tests/unit/content-sanitize-oracle.test.ts checks that both give the same
 * output, so the library keeps vouching for ours.
 */
/**
 * The last step of ingestion: a feed's HTML reduced to an allow-list of inert markup with every
 * URL made absolute (docs/technotes/sanitizing.md). What comes out is shown with {@html} in the
 * reader, so anything not listed here is dropped: scripts, handlers, styles, forms, plugins and
 * foreign iframes.
 */
import sanitize from 'sanitize-html';

/** Iframes we keep: video players, https only, always sandboxed. */
const IFRAME_HOSTS = new Set([
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'youtube.com',
  'player.vimeo.com',
]);
/** Enough for the players to run; never allow-top-navigation, forms or modals. */
const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';
/** Ids and fragment links are kept under this prefix, so feed markup cannot clobber ours. */
export const ID_PREFIX = 'user-content-';

/** What a URL is for, which decides the schemes it may have. */
type UrlUse = 'link' | 'media' | 'image';
const SCHEMES: Record<UrlUse, readonly string[]> = {
  link: ['http:', 'https:', 'mailto:', 'tel:'],
  media: ['http:', 'https:'],
  image: ['http:', 'https:', 'data:'],
};
/** Inline images only in raster formats: an SVG data URL is a document that can run script. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp)[;,]/i;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
const SRCSET_DESCRIPTOR = /^(?:\d+(?:\.\d+)?[wxh])?$/;

const URL_ATTRIBUTES: Record<string, UrlUse> = {
  href: 'link',
  src: 'media',
  poster: 'media',
  cite: 'link',
  'data-src': 'media',
};
const SRCSET_ATTRIBUTES = ['srcset', 'data-srcset'];

/** The base of the call in progress. sanitize-html is synchronous, so one slot is enough. */
let currentBase: URL | null = null;

/** Makes every URL attribute absolute and drops the ones that cannot be, for any kept tag. */
function resolveAttributes(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  for (const name in attribs) {
    const use = URL_ATTRIBUTES[name];
    if (use !== undefined) {
      const value = attribs[name] as string;
      // In-page links (footnotes) follow the ids, which are prefixed below.
      const resolved =
        name === 'href' && value.startsWith('#')
          ? `#${ID_PREFIX}${value.slice(1)}`
          : resolveUrl(value, currentBase, tagName === 'img' && name === 'src' ? 'image' : use);
      if (resolved === null) delete attribs[name];
      else attribs[name] = resolved;
    } else if (SRCSET_ATTRIBUTES.includes(name)) {
      const resolved = resolveSrcset(attribs[name] as string, currentBase);
      if (resolved === null) delete attribs[name];
      else attribs[name] = resolved;
    } else if (name === 'id' || name === 'name') {
      attribs[name] = ID_PREFIX + attribs[name];
    }
  }
  return { tagName, attribs };
}

/**
 * Lazy-loading images (WordPress, Medium) ship a placeholder in src and the real image in
 * data-src. Both are kept: data-src for offline reading to fetch later, and src promoted now so
 * the image shows when online.
 */
function promoteLazyImage(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  const src = attribs.src;
  if (attribs['data-src'] && (!src || src.startsWith('data:'))) attribs.src = attribs['data-src'];
  if (attribs['data-srcset'] && !attribs.srcset) attribs.srcset = attribs['data-srcset'];
  return { tagName, attribs };
}

/** An iframe keeps its src only for a known player over https; without one it is removed. */
function checkIframe(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  const src = attribs.src ?? '';
  const url = parseUrl(src.trim(), currentBase);
  if (url === null || url.protocol !== 'https:' || !IFRAME_HOSTS.has(url.hostname)) {
    return { tagName, attribs: {} };
  }
  const kept: Record<string, string> = {
    src: url.href,
    sandbox: IFRAME_SANDBOX,
    allowfullscreen: '',
  };
  for (const name of ['width', 'height', 'title']) {
    const value = attribs[name];
    if (value) kept[name] = value;
  }
  return { tagName, attribs: kept };
}

const BLOCK_ALIASES = ['section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'address'];

/** sanitize-html 2.17 takes allowedEmptyAttributes; its @types do not list it yet. */
interface Options extends sanitize.IOptions {
  allowedEmptyAttributes: string[];
}

const OPTIONS: Options = {
  allowedTags: [
    ...['p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'div'],
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'details', 'summary'],
    ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    ...['em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite'],
    ...['q', 'time', 'span', 'del', 'ins', 'kbd', 'samp', 'var', 'dfn', 'wbr'],
    ...['ruby', 'rt', 'rp', 'a', 'img', 'picture', 'source', 'video', 'audio', 'iframe'],
  ],
  allowedAttributes: {
    '*': ['dir', 'lang', 'title', 'id'],
    a: ['href', 'rel', 'name'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'data-src', 'data-srcset'],
    source: ['src', 'srcset', 'sizes', 'type', 'media'],
    video: ['src', 'poster', 'controls', 'width', 'height', 'loop', 'muted', 'playsinline'],
    audio: ['src', 'controls', 'loop'],
    iframe: ['src', 'sandbox', 'allowfullscreen', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'datetime'],
    ins: ['cite', 'datetime'],
    time: ['datetime'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    td: ['colspan', 'rowspan', 'headers'],
    th: ['colspan', 'rowspan', 'headers', 'scope'],
    col: ['span'],
    colgroup: ['span'],
  },
  allowedEmptyAttributes: ['alt', 'controls', 'allowfullscreen', 'muted', 'loop', 'playsinline'],
  // After resolveUrl these are the only schemes left; sanitize-html checks again as a second lock.
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster', 'data-src'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [...IFRAME_HOSTS],
  allowIframeRelativeUrls: false,
  // Dropped with everything inside, not unwrapped: their text is code, styles or duplicates.
  nonTextTags: [
    ...['script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'template', 'title'],
    ...['svg', 'math', 'head', 'select', 'button', 'noembed', 'noframes'],
  ],
  transformTags: {
    // The reader's title is the page's h1.
    h1: 'h2',
    ...Object.fromEntries(BLOCK_ALIASES.map((tag) => [tag, 'div'])),
    center: 'div',
    tt: 'code',
    strike: 's',
    img: promoteLazyImage,
    iframe: checkIframe,
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
    video: (tagName, attribs) => ({ tagName, attribs: { ...attribs, controls: '' } }),
    audio: (tagName, attribs) => ({ tagName, attribs: { ...attribs, controls: '' } }),
    '*': resolveAttributes,
  },
  // An iframe whose src was refused goes with its fallback content; an image left without any
  // source is an empty box.
  exclusiveFilter: (frame) =>
    (frame.tag === 'iframe' && !frame.attribs.src) ||
    (frame.tag === 'img' && !frame.attribs.src && !frame.attribs['data-src']) ||
    (frame.tag === 'source' && !frame.attribs.src && !frame.attribs.srcset),
  selfClosing: ['img', 'br', 'hr', 'source', 'wbr', 'col'],
  parseStyleAttributes: false,
};

/**
 * Returns `html` reduced to Folio's allow-list, with URLs absolute against `baseUrl` (relative
 * ones are dropped when there is no base) and `rel="noopener noreferrer"` on every link.
 */
export function sanitizeHtml(html: string, baseUrl: string | null): string {
  currentBase = parseBase(baseUrl);
  try {
    return sanitize(html, OPTIONS);
  } finally {
    currentBase = null;
  }
}

function parseBase(baseUrl: string | null): URL | null {
  if (!baseUrl) return null;
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Returns `value` as an absolute URL against `base` when its scheme suits `use`, else null.
 * The WHATWG parser sees what a browser would: entity-decoded text (htmlparser2 decodes
 * attributes), tabs and newlines removed, so `jAvAscript&#58;` or `java&#9;script:` come out as
 * javascript: and are refused.
 */
function resolveUrl(value: string, base: URL | null, use: UrlUse): string | null {
  const trimmed = value.trim();
  // Checked before parsing: a thrown TypeError costs more than the whole rest of a call.
  if (trimmed === '' || (base === null && !HAS_SCHEME.test(trimmed))) return null;
  const url = parseUrl(trimmed, base);
  if (url === null) return null;
  if (!SCHEMES[use].includes(url.protocol)) return null;
  if (url.protocol === 'data:' && !DATA_IMAGE.test(url.href)) return null;
  return url.href;
}

/** Returns the parsed URL, or null when it does not parse. */
function parseUrl(value: string, base: URL | null): URL | null {
  try {
    return new URL(value, base ?? undefined);
  } catch {
    return null;
  }
}

/** Returns a srcset with each candidate's URL resolved, refused candidates left out, or null. */
function resolveSrcset(value: string, base: URL | null): string | null {
  const kept: string[] = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(value.charCodeAt(i)) || value[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(value.charCodeAt(i))) i++;
    let candidate = value.slice(start, i);
    let descriptor = '';
    if (candidate.endsWith(',')) {
      candidate = candidate.replace(/,+$/, '');
    } else {
      const from = i;
      while (i < n && value[i] !== ',') i++;
      descriptor = value.slice(from, i).trim();
    }
    const url = resolveUrl(candidate, base, 'media');
    if (url !== null && SRCSET_DESCRIPTOR.test(descriptor)) {
      kept.push(descriptor ? `${url} ${descriptor}` : url);
    }
  }
  return kept.length > 0 ? kept.join(', ') : null;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}
