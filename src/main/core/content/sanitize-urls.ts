/**
 * URLs inside feed HTML: made absolute against the item's base with the WHATWG URL parser, and
 * kept only with a scheme that suits their use (docs/technotes/sanitizing.md, "URLs").
 */
import { IFRAME_HOSTS } from './sanitize-rules';
import { splitSrcset } from './srcset';

/** What a URL is for, which decides the schemes it may have. */
export type UrlUse = 'link' | 'media' | 'image';
const SCHEMES: Record<UrlUse, readonly string[]> = {
  link: ['http:', 'https:', 'mailto:', 'tel:'],
  media: ['http:', 'https:'],
  image: ['http:', 'https:', 'data:'],
};
/** Inline images only in raster formats: an SVG data URL is a document that can run script. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp)[;,]/i;
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
const SRCSET_DESCRIPTOR = /^(?:\d+(?:\.\d+)?[wxh])?$/;

/** Returns the href of `baseUrl` when it is an http(s) URL, else null (relative URLs drop). */
export function parseBase(baseUrl: string | null): string | null {
  if (!baseUrl) return null;
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
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
export function resolveUrl(value: string, base: string | null, use: UrlUse): string | null {
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
function parseUrl(value: string, base: string | null): URL | null {
  try {
    return new URL(value, base ?? undefined);
  } catch {
    return null;
  }
}

/** Returns an iframe's src when it is a known player over https, else null. */
export function playerUrl(src: string, base: string | null): string | null {
  const url = parseUrl(src.trim(), base);
  if (url === null || url.protocol !== 'https:' || !IFRAME_HOSTS.has(url.hostname)) return null;
  return url.href;
}

/**
 * Returns a srcset with each candidate's URL resolved, refused candidates left out, or null.
 * With `canonical` each descriptor is also written as a number ("2.0x" → "2x", "0x" → none;
 * "0w", "1.5w" refused), as sanitize-html's srcset parser did for `srcset` (not `data-srcset`).
 */
export function resolveSrcset(value: string, base: string | null, canonical: boolean) {
  let kept = '';
  for (const part of splitSrcset(value)) {
    const candidate = part.url;
    let descriptor = part.descriptor;
    if (!SRCSET_DESCRIPTOR.test(descriptor)) continue;
    if (canonical && descriptor !== '') {
      const number = canonicalDescriptor(descriptor);
      if (number === null) continue;
      descriptor = number;
    }
    const url = resolveUrl(candidate, base, 'media');
    if (url === null) continue;
    if (kept !== '') kept += ', ';
    kept += descriptor ? `${url} ${descriptor}` : url;
  }
  return kept === '' ? null : kept;
}

/** Returns the descriptor with its number written canonically, '' for "0x", null if invalid. */
function canonicalDescriptor(descriptor: string): string | null {
  const unit = descriptor[descriptor.length - 1];
  const digits = descriptor.slice(0, -1);
  if (unit === 'x') {
    const density = parseFloat(digits);
    return density === 0 ? '' : `${density}x`;
  }
  // Widths and heights are positive integers.
  if (!/^\d+$/.test(digits)) return null;
  const size = parseInt(digits, 10);
  return size === 0 ? null : `${size}${unit}`;
}
