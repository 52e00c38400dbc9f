// The sanitize check of the conformance run: lists the active content left in sanitized HTML,
// whatever else the sanitizer changed. Conservative on purpose (a false alarm fails the run).
import { decodeHTML } from 'entities';

/** Elements that run code, load plugins or change the page around them. */
const ACTIVE_TAGS = new Set(
  (
    'script style embed object applet frame frameset meta link base form input button ' +
    'textarea select svg math xml import param bgsound layer ilayer noscript template'
  ).split(' '),
);
/** Players we allow in a sandboxed iframe (src/main/core/content/sanitize.ts). */
const IFRAME_HOSTS = new Set([
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'youtube.com',
  'player.vimeo.com',
]);
const URL_ATTRS = new Set([
  'href',
  'src',
  'poster',
  'srcset',
  'background',
  'lowsrc',
  'dynsrc',
  'action',
  'formaction',
  'data',
  'cite',
  'codebase',
  'xlink:href',
  'data-src',
  'data-srcset',
]);
const SAFE_DATA = /^data:image\/(png|jpe?g|gif|webp)[;,]/;

function attributes(source) {
  const out = [];
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of source.matchAll(re))
    out.push([m[1].toLowerCase(), decodeHTML(m[2] ?? m[3] ?? m[4] ?? '')]);
  return out;
}

/** Returns a description of each piece of active content in `html` (empty when none). */
export function activeContentIn(html) {
  const found = [];
  for (const tag of html.matchAll(/<([A-Za-z][\w:-]*)([^>]*)>/g)) {
    const name = tag[1].toLowerCase();
    if (ACTIVE_TAGS.has(name)) found.push(`<${name}>`);
    const attrs = attributes(tag[2]);
    if (name === 'iframe') {
      const src = attrs.find(([k]) => k === 'src')?.[1] ?? '';
      let host = '';
      try {
        const url = new URL(src);
        host = url.protocol === 'https:' ? url.hostname : '';
      } catch {
        // no usable src: an empty iframe is inert
      }
      if (src && !IFRAME_HOSTS.has(host)) found.push(`iframe ${src}`);
      if (src && !attrs.some(([k]) => k === 'sandbox')) found.push('iframe without sandbox');
    }
    for (const [key, value] of attrs) {
      if (key.startsWith('on')) found.push(`${name} ${key}=`);
      if (key === 'style') found.push(`${name} style=`);
      if (URL_ATTRS.has(key)) {
        // eslint-disable-next-line no-control-regex
        const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        for (const part of key.endsWith('srcset') ? url.split(',') : [url]) {
          if (/^(javascript|vbscript|livescript|mocha|data):/.test(part) && !SAFE_DATA.test(part)) {
            found.push(`${name} ${key}=${part.slice(0, 40)}`);
          }
        }
      }
    }
  }
  return found;
}
