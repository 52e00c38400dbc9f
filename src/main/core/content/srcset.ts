/**
 * Choosing one image from a srcset for offline reading: the candidate a reader's window would
 * want, without keeping every size. Input is sanitized HTML, so candidates are absolute URLs
 * with canonical descriptors ("800w", "2x"); a URL may still hold a comma (Cloudinary's
 * "w_600,h_400" transforms), which is why candidates are split on whitespace first.
 */

/** One srcset candidate: its URL and its width (w) or pixel density (x). */
export interface SrcsetCandidate {
  url: string;
  width: number | null;
  density: number | null;
}

/** Widest image worth keeping: a reading column at 2x is well under it. */
const MAX_KEPT_WIDTH = 1600;
/** Highest density worth keeping. */
const MAX_KEPT_DENSITY = 2;

/**
 * Splits a srcset into its candidates as written: URL and descriptor ('' when none). Candidates
 * are split on whitespace first, so a comma inside a URL stays (Cloudinary's "w_600,h_400"). The
 * sanitizer (resolving each URL) and the offline image choice both read srcsets through this.
 */
export function splitSrcset(value: string): { url: string; descriptor: string }[] {
  const parts: { url: string; descriptor: string }[] = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(value.charCodeAt(i)) || value[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(value.charCodeAt(i))) i++;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const from = i;
      while (i < n && value[i] !== ',') i++;
      descriptor = value.slice(from, i).trim();
    }
    parts.push({ url, descriptor });
  }
  return parts;
}

/** Returns the candidates of a srcset in order (no descriptor means 1x). */
export function parseSrcset(value: string): SrcsetCandidate[] {
  return splitSrcset(value).map(({ url, descriptor }) => {
    const match = /^(\d+(?:\.\d+)?)([wxh])$/.exec(descriptor);
    const number = match ? Number(match[1]) : 1;
    const unit = match ? match[2] : 'x';
    // A height descriptor says nothing we can choose by: treat it as 1x.
    return {
      url,
      width: unit === 'w' ? number : null,
      density: unit === 'x' ? number : unit === 'h' ? 1 : null,
    };
  });
}

/**
 * Returns the URL of the candidate to keep: the largest width ≤ MAX_KEPT_WIDTH (else the
 * smallest width), or when there are no widths the highest density ≤ MAX_KEPT_DENSITY (else the
 * lowest); null for an empty srcset.
 */
export function bestSrcsetUrl(value: string): string | null {
  const candidates = parseSrcset(value);
  const widths = candidates.filter((c) => c.width !== null);
  if (widths.length > 0) return pick(widths, (c) => c.width as number, MAX_KEPT_WIDTH);
  if (candidates.length === 0) return null;
  return pick(candidates, (c) => c.density as number, MAX_KEPT_DENSITY);
}

function pick(
  candidates: SrcsetCandidate[],
  size: (c: SrcsetCandidate) => number,
  max: number,
): string {
  let best: SrcsetCandidate | null = null;
  let smallest = candidates[0] as SrcsetCandidate;
  for (const c of candidates) {
    if (size(c) < size(smallest)) smallest = c;
    if (size(c) <= max && (best === null || size(c) > size(best))) best = c;
  }
  return (best ?? smallest).url;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}
