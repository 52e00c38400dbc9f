/**
 * Article identity within a feed, stable across refreshes (docs/technotes/article-identity.md):
 *   1. the guid/id, when present and unique in this document (tracking parameters stripped
 *      when it is a URL)                                       -> "guid:<guid>"
 *   2. else the item's absolute link, tracking parameters stripped, when unique -> "link:<url>"
 *   3. else a hash of title, date and the start of the text    -> "hash:<sha1 prefix>"
 * Items that still collide (true duplicates in one document) get "#2", "#3" … in document order.
 */
import { createHash } from 'node:crypto';
import { stripTracking } from './urls';

/** What identity looks at first: the guid and the absolute link. */
export interface IdentityKeys {
  guid: string | null;
  /** Absolute link, or null. */
  url: string | null;
}

/** What identity hashes when neither the guid nor the link tells an item apart. */
export interface IdentityHashInput {
  title: string;
  /** The raw date string (published, else updated): stable even when we cannot parse it. */
  date: string | null;
  text: string;
}

/** What identity looks at for one item. */
export interface IdentityInput extends IdentityKeys, IdentityHashInput {}

function counts(values: (string | null)[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const value of values) if (value !== null) seen.set(value, (seen.get(value) ?? 0) + 1);
  return seen;
}

/** Returns a short hex sha1 of the parts. */
export function shortHash(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 20);
}

/** Returns one identity per item, in the same order. */
export function assignIdentities(items: IdentityInput[]): string[] {
  return identitiesOf(items, (index) => items[index]!);
}

/**
 * Returns one identity per item of `keys`, in the same order, as assignIdentities does; the
 * title, date and text are asked of `hashInput(index)` only for the items that need them (rule
 * 3), in document order: a big feed can be given its identities before its items are sanitized.
 */
export function identitiesOf(
  keys: IdentityKeys[],
  hashInput: (index: number) => IdentityHashInput,
): string[] {
  const guids = keys.map((i) => (i.guid ? stripTracking(i.guid.trim()) : null));
  const links = keys.map((i) => (i.url ? stripTracking(i.url) : null));
  const guidCount = counts(guids);
  const linkCount = counts(links);
  const used = new Map<string, number>();
  return keys.map((_keys, index) => {
    const guid = guids[index] ?? null;
    const link = links[index] ?? null;
    let identity: string;
    if (guid !== null && guidCount.get(guid) === 1) identity = `guid:${guid}`;
    else if (link !== null && linkCount.get(link) === 1) identity = `link:${link}`;
    else {
      const item = hashInput(index);
      const text = item.text.replace(/\s+/g, ' ').trim().slice(0, 200);
      identity = `hash:${shortHash(item.title, item.date ?? '', text)}`;
    }
    const n = (used.get(identity) ?? 0) + 1;
    used.set(identity, n);
    return n === 1 ? identity : `${identity}#${n}`;
  });
}
