/**
 * The allow-list of the sanitizer (docs/technotes/sanitizing.md, "The allow-list"): which tags
 * are kept and under which name, which attributes each keeps, and which elements go with
 * everything inside them. Anything not listed is unwrapped: its text stays, its tag does not.
 */

/** How a kept tag is written; `special` tags get their attributes by hand in sanitize.ts. */
export interface TagRule {
  /** The name written out (h1 becomes h2, sectioning elements become div). */
  readonly out: string;
  /** Attributes kept, this tag's own plus the global ones. */
  readonly attributes: ReadonlySet<string>;
  /** A void element: written as `<name … />`, never closed. */
  readonly selfClosing: boolean;
  readonly special: 'a' | 'img' | 'source' | 'media' | 'iframe' | null;
}

/** Kept on every tag; an id gets ID_PREFIX. */
const GLOBAL_ATTRIBUTES = ['dir', 'lang', 'title', 'id'];

const TAG_ATTRIBUTES: Record<string, readonly string[]> = {
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
};

const KEPT_TAGS = [
  ...['p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'div'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'details', 'summary'],
  ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite'],
  ...['q', 'time', 'span', 'del', 'ins', 'kbd', 'samp', 'var', 'dfn', 'wbr'],
  ...['ruby', 'rt', 'rp', 'a', 'img', 'picture', 'source', 'video', 'audio', 'iframe'],
];

/** Tags kept under another name. The reader's title is the page's h1, so h1 becomes h2. */
const RENAMED: Record<string, string> = {
  h1: 'h2',
  ...Object.fromEntries(
    ['section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'address', 'center'].map(
      (tag) => [tag, 'div'],
    ),
  ),
  tt: 'code',
  strike: 's',
};

const SELF_CLOSING = new Set(['img', 'br', 'hr', 'source', 'wbr', 'col']);
const SPECIAL: Record<string, TagRule['special']> = {
  a: 'a',
  img: 'img',
  source: 'source',
  video: 'media',
  audio: 'media',
  iframe: 'iframe',
};

function ruleFor(out: string): TagRule {
  return {
    out,
    attributes: new Set([...GLOBAL_ATTRIBUTES, ...(TAG_ATTRIBUTES[out] ?? [])]),
    selfClosing: SELF_CLOSING.has(out),
    special: SPECIAL[out] ?? null,
  };
}

/** The rule of each kept tag, by its (lower-case) name in the feed. */
export const TAG_RULES: ReadonlyMap<string, TagRule> = new Map([
  ...KEPT_TAGS.map((tag): [string, TagRule] => [tag, ruleFor(tag)]),
  ...Object.entries(RENAMED).map(([from, to]): [string, TagRule] => [from, ruleFor(to)]),
]);

/**
 * Dropped with everything inside, not unwrapped: their text is code, styles, form values or
 * duplicates (noscript repeats a lazy image), and SVG/MathML can script and clobber.
 */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  ...['script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'template', 'title'],
  ...['svg', 'math', 'head', 'select', 'button', 'noembed', 'noframes'],
]);

/**
 * What an empty value becomes. Flags are written `name=""`; attributes that mean nothing when
 * empty (href, width, title…) are dropped; the rest (reversed) is written bare. These are
 * sanitize-html's rules (its allowedEmptyAttributes and nonBooleanAttributes), kept so the
 * output did not change when we replaced it.
 */
export const EMPTY_AS_FLAG: ReadonlySet<string> = new Set([
  ...['alt', 'controls', 'allowfullscreen', 'muted', 'loop', 'playsinline'],
]);
export const EMPTY_KEPT_BARE: ReadonlySet<string> = new Set(['reversed']);

/** Iframes we keep: video players, https only, always sandboxed. */
export const IFRAME_HOSTS: ReadonlySet<string> = new Set([
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'youtube.com',
  'player.vimeo.com',
]);
/** Enough for the players to run; never allow-top-navigation, forms or modals. */
export const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';
/** Ids and fragment links are kept under this prefix, so feed markup cannot clobber ours. */
export const ID_PREFIX = 'user-content-';
/** Links never get the opener or the referrer. */
export const LINK_REL = 'noopener noreferrer';
