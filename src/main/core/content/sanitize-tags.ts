/**
 * Start tags of kept elements: the allowed attributes of each, URLs resolved, ids prefixed,
 * values escaped and always double-quoted. Attributes keep the feed's order; the ones we add
 * (rel, controls, a promoted lazy src) come last.
 */
import {
  EMPTY_AS_FLAG,
  EMPTY_KEPT_BARE,
  ID_PREFIX,
  IFRAME_SANDBOX,
  LINK_REL,
  type TagRule,
} from './sanitize-rules';
import { playerUrl, resolveSrcset, resolveUrl } from './sanitize-urls';

type Attributes = Record<string, string>;

const ATTRIBUTE_SPECIALS = /[&<>"]/;

function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIALS.test(value)) return value;
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Returns ` name="value"`, or '' when the value is null or empty and means nothing empty. */
function attribute(name: string, value: string | null): string {
  if (value === null) return '';
  if (value !== '') return ` ${name}="${escapeAttribute(value)}"`;
  if (EMPTY_AS_FLAG.has(name)) return ` ${name}=""`;
  return EMPTY_KEPT_BARE.has(name) ? ` ${name}` : '';
}

/** Returns the value to write for an allowed attribute: URLs resolved, ids prefixed, or null. */
function attributeValue(tag: string, name: string, value: string, base: string | null) {
  switch (name) {
    case 'href':
      // In-page links (footnotes) follow the ids, which are prefixed below.
      return value.startsWith('#')
        ? `#${ID_PREFIX}${value.slice(1)}`
        : resolveUrl(value, base, 'link');
    case 'src':
      return resolveUrl(value, base, tag === 'img' ? 'image' : 'media');
    case 'poster':
    case 'data-src':
      return resolveUrl(value, base, 'media');
    case 'cite':
      return resolveUrl(value, base, 'link');
    case 'srcset':
      return resolveSrcset(value, base, true);
    case 'data-srcset':
      return resolveSrcset(value, base, false);
    case 'id':
    case 'name':
      return ID_PREFIX + value;
    default:
      return value;
  }
}

type Forced = Record<string, string | null>;

/**
 * Returns the start tag of a kept element, or null when the element goes: an iframe that is not
 * a known player, an image or source left without any source (an empty box).
 */
export function writeStartTag(rule: TagRule, attribs: Attributes, base: string | null) {
  switch (rule.special) {
    case null: {
      const written = writeAttributes(rule, attribs, base, null, null);
      return rule.selfClosing ? `<${rule.out}${written} />` : `<${rule.out}${written}>`;
    }
    case 'a':
      return `<a${writeAttributes(rule, attribs, base, LINK, null)}>`;
    case 'media':
      // Players always get their controls; autoplay is not on the list.
      return `<${rule.out}${writeAttributes(rule, attribs, base, PLAYER, null)}>`;
    case 'img':
      return imageTag(rule, attribs, base);
    case 'source': {
      const written = writeAttributes(rule, attribs, base, null, SOURCE_NEEDS);
      return written === null ? null : `<source${written} />`;
    }
    case 'iframe':
      return iframeTag(attribs, base);
  }
}

/** Links never get the opener or the referrer; target is not on the list (the reader decides). */
const LINK: Forced = { rel: LINK_REL };
const PLAYER: Forced = { controls: '' };
/** An image or source without any of these is an empty box. */
const IMG_NEEDS = ['src', 'data-src'];
const SOURCE_NEEDS = ['src', 'srcset'];

/**
 * Returns the allowed attributes written in the feed's order, with `forced` values replacing
 * the feed's (in place) or added at the end; or null when `needs` is given and none of its
 * attributes was written with a value.
 */
function writeAttributes(
  rule: TagRule,
  attribs: Attributes,
  base: string | null,
  forced: Forced | null,
  needs: readonly string[] | null,
): string | null {
  let out = '';
  let satisfied = needs === null;
  for (const name in attribs) {
    if (!rule.attributes.has(name)) continue;
    const value =
      forced !== null && forced[name] !== undefined
        ? forced[name]
        : attributeValue(rule.out, name, attribs[name] as string, base);
    out += attribute(name, value);
    if (!satisfied && value && needs!.includes(name)) satisfied = true;
  }
  if (forced !== null) {
    for (const name in forced) {
      if (attribs[name] !== undefined) continue;
      const value = forced[name] as string | null;
      out += attribute(name, value);
      if (!satisfied && value && needs!.includes(name)) satisfied = true;
    }
  }
  return satisfied ? out : null;
}

/**
 * Lazy-loading images (WordPress, Medium) ship a placeholder in src and the real image in
 * data-src. Both are kept: data-src for offline reading to fetch later, and src promoted now so
 * the image shows when online.
 */
function imageTag(rule: TagRule, attribs: Attributes, base: string | null): string | null {
  const { src, srcset } = attribs;
  const lazySrc = attribs['data-src'];
  const lazySrcset = attribs['data-srcset'];
  let forced: Forced | null = null;
  // Promoted values are the feed's, resolved as src and srcset.
  if (lazySrc && (!src || src.startsWith('data:'))) {
    forced = { src: attributeValue('img', 'src', lazySrc, base) };
  }
  if (lazySrcset && !srcset) {
    forced = { ...forced, srcset: attributeValue('img', 'srcset', lazySrcset, base) };
  }
  const written = writeAttributes(rule, attribs, base, forced, IMG_NEEDS);
  return written === null ? null : `<img${written} />`;
}

/** An iframe is kept only for a known player over https, sandboxed; without one it goes. */
function iframeTag(attribs: Attributes, base: string | null): string | null {
  const player = playerUrl(attribs.src ?? '', base);
  const src = player === null ? null : resolveUrl(player, base, 'media');
  if (src === null) return null;
  let out = `<iframe src="${escapeAttribute(src)}" sandbox="${IFRAME_SANDBOX}" allowfullscreen=""`;
  for (const name of ['width', 'height', 'title']) {
    const value = attribs[name];
    if (value) out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return `${out}>`;
}
