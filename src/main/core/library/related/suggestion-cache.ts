/**
 * What suggestion work keeps between calls, per Store (so per connection: each reader thread has
 * its own): the library's word frequencies, the subscriptions' documents, and each article's
 * last answers. All of it is in memory, bounded, and forgotten when the library has changed
 * enough (docs/technotes/related-feeds.md, "What is cached"):
 * - the frequencies and documents when the articles' id range moved by more than
 *   STATISTICS_SHARE of the library (new articles at the end, retention's deletes at the start);
 *   until then a word's rarity and a feed's recent subject are as good as new;
 * - the answers when it moved by more than ANSWERS_SHARE, or when the article itself changed.
 * Both thresholds round down: in a small library (under 20 articles, under 100) any change counts.
 */
import type { RelatedFeed } from '../../../../shared/model';
import type { Store } from '../../storage/store';
import type { IdRange } from '../../storage/suggestion-queries';
import { LibraryVocabulary } from './library-vocabulary';
import { SubscriptionDocs } from './subscription-docs';

const STATISTICS_SHARE = 0.05;
const ANSWERS_SHARE = 0.01;
/** Answers kept per kind (an answer is a few ids or ten feeds: small). */
const MAX_ANSWERS = 500;

/** A map that forgets its least recently used entry past `capacity`. */
export class Lru<K, V> {
  readonly #map = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  /** Returns the value for `key` (now the most recently used), or undefined. */
  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value === undefined) return undefined;
    this.#map.delete(key);
    this.#map.set(key, value);
    return value;
  }

  /** Stores `value` for `key`, forgetting the least recently used entry when full. */
  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.capacity) this.#map.delete(this.#map.keys().next().value as K);
  }

  /** Forgets everything. */
  clear(): void {
    this.#map.clear();
  }
}

/** The suggestion caches of one Store. */
export class SuggestionCache {
  vocabulary: LibraryVocabulary;
  readonly subscriptions = new SubscriptionDocs();
  /** "More like this" by article, limit and text fingerprint: article ids, best first. */
  readonly articles = new Lru<string, number[]>(MAX_ANSWERS);
  /** Related feeds by article, fingerprint and discovered feeds. */
  readonly feeds = new Lru<string, RelatedFeed[]>(MAX_ANSWERS);
  #answersRange: IdRange;

  constructor(private readonly store: Store) {
    const range = store.suggestions.idRange();
    this.vocabulary = new LibraryVocabulary(store.suggestions, range);
    this.#answersRange = range;
  }

  /** Forgets what the library's changes since it was computed have made stale (two seeks). */
  refresh(): void {
    const range = this.store.suggestions.idRange();
    const size = this.vocabulary.size;
    if (moved(this.vocabulary.range, range) > Math.floor(size * STATISTICS_SHARE)) {
      this.vocabulary = new LibraryVocabulary(this.store.suggestions, range);
      this.subscriptions.clear();
    }
    if (moved(this.#answersRange, range) > Math.floor(size * ANSWERS_SHARE)) {
      this.articles.clear();
      this.feeds.clear();
      this.#answersRange = range;
    }
  }
}

const caches = new WeakMap<Store, SuggestionCache>();

/** Returns the suggestion caches of `store`, made stale parts forgotten. */
export function suggestionCache(store: Store): SuggestionCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new SuggestionCache(store);
    caches.set(store, cache);
  } else {
    cache.refresh();
  }
  return cache;
}

/** How far the id range moved: articles added at the end plus those deleted at the start. */
function moved(from: IdRange, to: IdRange): number {
  if (from.lastId === null || to.lastId === null) return from.lastId === to.lastId ? 0 : Infinity;
  return Math.abs(to.lastId - from.lastId) + Math.abs((to.firstId ?? 0) - (from.firstId ?? 0));
}

/** Returns a short fingerprint of an article's words: its answers are stale once they change. */
export function textFingerprint(title: string, text: string): string {
  let hash = 0x811c9dc5;
  const all = `${title}\n${text}`;
  for (let i = 0; i < all.length; i++) hash = Math.imul(hash ^ all.charCodeAt(i), 0x01000193);
  return `${all.length}:${(hash >>> 0).toString(36)}`;
}
