/** http(s) URLs: the only kind the core fetches or keeps as an address. */

/** Returns `ref` resolved against `base` as an http(s) URL, or null when it is not one. */
export function resolveHttpUrl(ref: string | null, base: string | null): string | null {
  if (!ref) return null;
  try {
    const url = new URL(ref.trim(), base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
