// Translates feedparser's `Expect:` Python expressions into checks on our NormalizedFeed.
// Only the terms our model has an equivalent for are checked (titles, links, ids, authors,
// dates, bodies, categories, enclosures, encodings, format); the rest are not applicable.
// See docs/technotes/conformance.md.

const NA = (why) => ({ status: 'na', why });
const FAIL = (why) => ({ status: 'fail', why });

/** Returns the value of an HTTP header given in a test's `Header:` lines, or null. */
export function parseHeader(headers, name) {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null;
}

/** Splits `s` on `sep` where it is outside quotes and brackets. */
function splitTop(s, sep) {
  const parts = [];
  let depth = 0;
  let quote = null;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0 && s.startsWith(sep, i)) {
      parts.push(s.slice(start, i).trim());
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  parts.push(s.slice(start).trim());
  return parts;
}

function unwrap(s) {
  let t = s.trim();
  while (t.startsWith('(') && t.endsWith(')') && splitTop(t.slice(1, -1), ')').length === 1) {
    t = t.slice(1, -1).trim();
  }
  return t;
}

/** Returns a Python literal as JS (str, int/float, tuple/list, True/False/None), or undefined. */
function literal(src) {
  const s = src.trim();
  const str = /^[uUbBrR]?("""|'''|['"])([\s\S]*)\1$/.exec(s);
  if (str) {
    if (/^[rR]/.test(s)) return str[2];
    return str[2].replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|.)/g, (_, e) => {
      if (/^[uxU]/.test(e) && e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
      return { n: '\n', t: '\t', r: '\r', 0: '\0' }[e] ?? e;
    });
  }
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'True') return true;
  if (s === 'False') return false;
  if (s === 'None') return null;
  if (/^[([].*[)\]]$/.test(s)) {
    const inner = s.slice(1, -1).trim();
    return inner === ''
      ? []
      : splitTop(inner, ',')
          .filter((x) => x !== '')
          .map(literal);
  }
  return undefined;
}

/** Returns `feed['a'][0].b` as ['feed', 'a', 0, 'b'], or null when it is not a plain path. */
function pathOf(src) {
  const s = src.trim();
  const m = /^(feed|entries|encoding|version)((?:\[[^\]]+\]|\.\w+)*)$/.exec(s);
  if (!m) return null;
  const segs = [m[1]];
  for (const part of m[2].matchAll(/\[([^\]]+)\]|\.(\w+)/g)) {
    const key = part[2] ?? literal(part[1]);
    if (key === undefined) return null;
    segs.push(key);
  }
  return segs;
}

/** Maps a feedparser path to {kind, get} on our results, or a reason it has no equivalent. */
function mapPath(segs) {
  const p = segs.join('.');
  let m;
  if (p === 'encoding') return { kind: 'encoding' };
  if (p === 'version') return { kind: 'version' };
  if (/^feed\.(title|title_detail\.value)$/.test(p))
    return { kind: 'title', get: (c) => c.feed.title };
  if (p === 'feed.link') return { kind: 'url', get: (c) => c.feed.siteUrl };
  if (!(m = /^entries\.(\d+)\.(.*)$/.exec(p)))
    return { na: `feed-level ${segs.slice(1).join('.')} is not kept` };
  const n = Number(m[1]);
  const rest = m[2];
  const item = (c) => c.feed.items[n];
  const body = (which) => ({ kind: 'body', which, n, get: (c) => item(c)?.contentHtml });
  if (/^(title|title_detail\.value)$/.test(rest))
    return { kind: 'title', get: (c) => item(c)?.title };
  if (rest === 'link') return { kind: 'url', get: (c) => item(c)?.url };
  if (/^(id|guid)$/.test(rest)) return { kind: 'id', get: (c) => item(c)?.identity };
  if (/^(author|author_detail\.name)$/.test(rest))
    return { kind: 'author', get: (c) => item(c)?.author?.split(', ')[0] };
  if ((m = /^authors\.(\d+)\.name$/.exec(rest)))
    return { kind: 'author', get: (c) => item(c)?.author?.split(', ')[+m[1]] };
  if (/^content\.0\.value$/.test(rest)) return body('content');
  if (/^(summary|description|summary_detail\.value)$/.test(rest)) return body('summary');
  if (rest === 'published_parsed') return { kind: 'date', get: (c) => item(c)?.publishedAt };
  if (rest === 'updated_parsed')
    return { kind: 'date', get: (c) => [item(c)?.updatedAt, item(c)?.publishedAt] };
  if ((m = /^tags\.(\d+)\.term$/.exec(rest)))
    return { kind: 'exact', get: (c) => item(c)?.categories[+m[1]] };
  if (rest === 'category') return { kind: 'exact', get: (c) => item(c)?.categories[0] };
  if ((m = /^enclosures\.(\d+)\.(href|url)$/.exec(rest)))
    return { kind: 'url', get: (c) => item(c)?.enclosures[+m[1]]?.url };
  if ((m = /^enclosures\.(\d+)\.type$/.exec(rest)))
    return { kind: 'exact', get: (c) => item(c)?.enclosures[+m[1]]?.type };
  if ((m = /^enclosures\.(\d+)\.length$/.exec(rest)))
    return { kind: 'number', get: (c) => item(c)?.enclosures[+m[1]]?.length };
  return { na: `entry ${rest} has no equivalent in our model` };
}

const collapse = (s) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const canonicalEncoding = (label) => {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return String(label).toLowerCase();
  }
};
const sameUrl = (a, b) => {
  if (a === b) return true;
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
};
const FORMATS = { atom: /^atom/, rdf: /^rss(090|10)$/, rss: /^rss/, json: /^json/ };

/** Returns null when `ours` satisfies `expected` for this kind, else a reason. */
function compare(target, expected, ctx) {
  const { lib } = ctx;
  const ours =
    target.kind === 'encoding'
      ? ctx.encoding
      : target.kind === 'version'
        ? ctx.feed.format
        : target.get(ctx);
  const why = `expected ${JSON.stringify(expected)}, got ${JSON.stringify(ours)}`;
  switch (target.kind) {
    case 'title': {
      const asText = collapse(lib.htmlToText(String(expected)));
      return ours === expected || ours === collapse(expected) || ours === asText ? null : why;
    }
    case 'url':
      return ours != null && sameUrl(ours, expected) ? null : why;
    case 'id': {
      const bare = String(ours ?? '').replace(/^(guid|link):/, '');
      return ours != null && (bare === expected || sameUrl(bare, expected)) ? null : why;
    }
    case 'author': {
      const name = String(expected).replace(/\s*\([^)]*@[^)]*\)$/, '');
      const paren = /^\S+@\S+\s*\((.+)\)$/.exec(String(expected))?.[1];
      return ours === expected || ours === name || ours === paren ? null : why;
    }
    case 'body': {
      // feedparser gives HTML for html types and plain text for text ones: accept either reading.
      const want = collapse(lib.htmlToText(lib.sanitizeHtml(String(expected), ctx.url)));
      const got = collapse(lib.htmlToText(ours ?? ''));
      if (got === want || got === collapse(expected)) return null;
      const parsedItem = ctx.parsed?.items[target.n];
      if (parsedItem?.contentHtml && parsedItem?.summaryHtml)
        return { na: 'we keep one body; the other was chosen' };
      return why;
    }
    case 'date': {
      if (!Array.isArray(expected)) return { na: 'not a time tuple' };
      const [y, mo, d, h, mi, s] = expected;
      const want = Date.UTC(y, mo - 1, d, h, mi, s);
      const candidates = Array.isArray(ours) ? ours : [ours];
      return candidates.includes(want)
        ? null
        : `expected ${new Date(want).toISOString()}, got ${candidates.map((t) => (t == null ? t : new Date(t).toISOString()))}`;
    }
    case 'encoding': {
      if (canonicalEncoding(ours) === canonicalEncoding(expected)) return null;
      // Pure ASCII reads the same in any ASCII-compatible encoding (us-ascii vs utf-8).
      const asciiOnly = ctx.bytes?.every((b) => b < 0x80);
      const compatible = (e) => !/^utf-(16|32)/.test(canonicalEncoding(e));
      return asciiOnly && compatible(ours) && compatible(expected) ? null : why;
    }
    case 'version': {
      const entry = Object.entries(FORMATS).find(([, re]) => re.test(String(expected)));
      if (!entry) return { na: `version ${expected}` };
      return entry[0] === ours ? null : why;
    }
    case 'number':
      return Number(ours) === Number(expected) ? null : why;
    default:
      return ours === expected ? null : why;
  }
}

/** Evaluates one `a == b [== c]` term: null (pass), {na}, or a failure reason. */
function evaluateTerm(term, ctx) {
  const chain = splitTop(term, '==');
  if (chain.length < 2) return { na: `term "${term}"` };
  const expected = literal(chain[chain.length - 1]);
  if (expected === undefined) return { na: `term "${term}"` };
  const targets = chain.slice(0, -1).map(pathOf);
  if (targets.some((t) => t === null)) return { na: `term "${term}"` };
  const mapped = targets.map(mapPath);
  const na = mapped.find((t) => t.na);
  if (na) return na;
  if (ctx.error) return `pipeline failed: ${ctx.error.code ?? ''} ${ctx.error.message}`;
  for (const target of mapped) {
    const result = compare(target, expected, ctx);
    if (result !== null) return result;
  }
  return null;
}

/**
 * Returns {status: 'pass'|'fail'|'na', why} for one test. `bozo` terms are ignored: our lenient
 * path reads what feedparser flags as ill-formed, and well-formedness is not what we measure.
 */
export function evaluateExpect(expect, ctx) {
  if (!expect) return NA('no Expect line');
  const terms = splitTop(unwrap(expect), ' and ')
    .map(unwrap)
    .filter((t) => !/^(not )?bozo$/.test(t) && t !== '1');
  if (terms.length === 0) return NA('only checks bozo/nothing');
  let checked = 0;
  const nas = [];
  for (const term of terms) {
    const result = evaluateTerm(term, ctx);
    if (result === null) checked++;
    else if (typeof result === 'object') nas.push(result.na);
    else return FAIL(`${term}: ${result}`);
  }
  return checked > 0 ? { status: 'pass' } : NA(nas.join('; '));
}
