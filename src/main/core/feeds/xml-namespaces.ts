/**
 * Element names by namespace, not by prefix. rss-parser matches element names as written
 * ("content:encoded", "dc:creator"), so a feed that binds a namespace to another prefix
 * (`<r:rss xmlns:r="http://backend.userland.com/rss2">`, RSS 1.0 without a default namespace,
 * `xmlns:DC=…`) would lose those elements. We rename them to the prefixes rss-parser and
 * xml-item.ts expect, from the declarations in the document.
 */

/** Our prefix for each namespace URI ('' = the feed vocabulary itself, unprefixed). */
const CANONICAL: Record<string, string> = {
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://rssnamespace.org/feedburner/ext/1.0': 'feedburner',
  'http://www.w3.org/1999/xhtml': 'xhtml',
};
const ATOM = ['http://www.w3.org/2005/atom', 'http://purl.org/atom/ns#'];

/** Returns the local name of the document's root element. */
function rootLocalName(xml: string): string | null {
  const root = /<(?![?!])(?:[\w.-]+:)?([\w.-]+)/.exec(xml.replace(/<!--[\s\S]*?-->/g, ''));
  return root ? root[1]! : null;
}

/**
 * Returns a function renaming prefixed element names to our prefixes, or null when every
 * prefix of the document is already the one we use (the usual case: nothing to do).
 */
export function prefixRenamer(xml: string): ((name: string) => string) | null {
  const isAtom = rootLocalName(xml) === 'feed';
  const rename = new Map<string, string>();
  for (const m of xml.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    const [prefix, uri] = [m[1]!, m[2]!.trim()];
    if (rename.has(prefix)) continue;
    const lower = uri.toLowerCase();
    const canonical = ATOM.includes(lower)
      ? isAtom
        ? ''
        : 'atom'
      : (CANONICAL[uri] ?? CANONICAL[lower]);
    if (canonical !== undefined && canonical !== prefix) rename.set(prefix, canonical);
  }
  if (rename.size === 0) return null;
  return (name) => {
    const colon = name.indexOf(':');
    if (colon < 0) return name;
    const canonical = rename.get(name.slice(0, colon));
    if (canonical === undefined) return name;
    return canonical === '' ? name.slice(colon + 1) : `${canonical}:${name.slice(colon + 1)}`;
  };
}
