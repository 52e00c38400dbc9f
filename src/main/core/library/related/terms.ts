/**
 * Words for ranking: a tokenizer with stop words (English in full, a short list for the other
 * languages of the feed catalog), a light plural stemmer, a guess of a text's language, and the
 * key terms of an article (what related feeds and "More like this" look for).
 */

/** What unicode61 keeps in a token: letters, numbers and combining marks (as search.ts). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const DIGITS = /^\p{N}+$/u;
const LATIN = /^[a-z]+$/;

/** Function words and news filler per language; they say nothing about a subject. */
const STOP_WORDS: Record<string, string> = {
  en: `a about above after again against all almost along also although always am among an and
    another any anyone are around as at be became because become been before being below between
    both but by can cannot could did do does doing done down during each either else even ever
    every few for from further get gets got had has have having he her here hers herself him
    himself his how however i if in into is it its itself just last least less like made make
    many may me might more most much must my myself near need neither never new next no nor not
    now of off often on once one only onto or other others our ours ourselves out over own per
    perhaps rather really said same say says see seen several shall she should since so some
    such than that the their theirs them themselves then there these they this those though
    three through thus to too toward towards two under until up upon us very via was we well
    were what whatever when where whether which while who whom whose why will with within
    without would yet you your yours yourself first second also time times year years day days
    week people way ways part lot lots thing things take took taken making per cent percent
    news story stories headline headlines latest today daily home top`,
  de: `der die das den dem des ein eine einer eines einem einen und oder aber nicht ist sind war
    waren wird werden hat haben mit von zu zum zur auf aus bei nach vor für über unter auch als
    wie so dass es sie er wir ihr ich im am an in noch nur schon sich wenn doch mehr`,
  fr: `le la les un une des du de et ou mais est sont était être avoir a ont avec pour par sur
    dans en au aux ce cette ces qui que quoi dont il elle ils elles nous vous je ne pas plus se
    son sa ses leur leurs comme aussi d l qu n s`,
  es: `el la los las un una unos unas de del y o pero es son era ser estar ha han con para por en
    al lo que quien como más sus su se le les no sí también muy ya este esta estos estas`,
  it: `il lo la i gli le un una di del della dei delle e o ma è sono era essere ha hanno con per
    su nel nella in al alla che chi come più suo sua loro non anche si questo questa`,
  pt: `o a os as um uma de do da dos das e ou mas é são era ser ter tem com para por em no na nos
    nas ao que quem como mais seu sua seus suas não também se este esta`,
  ru: `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
    мне было вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него
    до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для
    мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того
    потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда
    зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас
    про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше
    чуть том нельзя такой им более всегда конечно всю между это также`,
};

const words = (list: string) => list.split(/\s+/).filter((w) => w.length > 0);
/** Other languages' function words that are English content words ("a new era"): kept. */
const ENGLISH_CONTENT = new Set(['era', 'son', 'come', 'die', 'mas']);
const STOP = new Set(
  Object.values(STOP_WORDS)
    .flatMap(words)
    .filter((w) => !ENGLISH_CONTENT.has(w)),
);
const STOP_BY_LANGUAGE = new Map(
  Object.entries(STOP_WORDS).map(([lang, list]) => [lang, new Set(words(list))]),
);

/**
 * Returns a Latin word without its English plural ending (relations → relation, companies →
 * company, alliances → alliance), so a feed about "sanctions" matches an article on a
 * "sanction". Nothing more: a full stemmer would merge "Russian" into "Russia"'s neighbours
 * unpredictably, and the topic words already list the forms that matter.
 */
export function stem(word: string): string {
  if (!LATIN.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is|ics|news)$/.test(word)) return word;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * Returns the content words of a text, lower-cased and stemmed, in order: stop words, single
 * letters and bare numbers are dropped. A run of Chinese or Japanese characters stays one token,
 * as in the FTS index.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.normalize('NFC').toLowerCase().match(WORD) ?? []) {
    const term = termOf(raw);
    if (term !== null) out.push(term);
  }
  return out;
}

/** Words seen and what they became: news repeats its words, and the checks cost more than a lookup. */
const TERM_OF = new Map<string, string | null>();
const MAX_REMEMBERED = 200_000;

/** Returns the term a lower-cased word stands for, or null for a stop word, letter or number. */
function termOf(raw: string): string | null {
  const known = TERM_OF.get(raw);
  if (known !== undefined) return known;
  let term: string | null = null;
  if (raw.length >= 2 && !DIGITS.test(raw) && !STOP.has(raw)) {
    const word = stem(raw);
    if (!STOP.has(word)) term = word;
  }
  if (TERM_OF.size >= MAX_REMEMBERED) TERM_OF.clear();
  TERM_OF.set(raw, term);
  return term;
}

/** Returns term → count for a text, each token weighing `weight`. */
export function termCounts(text: string, weight = 1, into = new Map<string, number>()) {
  for (const raw of text.normalize('NFC').toLowerCase().match(WORD) ?? []) {
    const term = termOf(raw);
    if (term !== null) into.set(term, (into.get(term) ?? 0) + weight);
  }
  return into;
}

/**
 * Guesses a text's language (ISO 639-1) from its stop words, or from its script when it has
 * none of ours; null when it cannot tell. Good enough to prefer feeds the reader can read.
 */
export function guessLanguage(text: string): string | null {
  const words = text.toLowerCase().match(WORD) ?? [];
  let best: string | null = null;
  let bestHits = 0;
  for (const [lang, stops] of STOP_BY_LANGUAGE) {
    let hits = 0;
    for (const word of words) if (stops.has(word)) hits++;
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  if (best && bestHits >= 3 && bestHits >= words.length * 0.05) return best;
  const sample = text.slice(0, 2000);
  if (/[\u3040-\u30ff]/.test(sample)) return 'ja';
  if (/[\uac00-\ud7af]/.test(sample)) return 'ko';
  if (/[\u4e00-\u9fff]/.test(sample)) return 'zh';
  if (/[\u0400-\u04ff]/.test(sample)) return 'ru';
  if (/[\u0600-\u06ff]/.test(sample)) return 'ar';
  return null;
}

/** One key term of an article: its stem, weight, and the surface forms seen in the text. */
export interface KeyTerm {
  term: string;
  /** 1 + ln(count): how much the article leans on it (title words count twice). */
  weight: number;
  /** The words as written (lower case) that became this term, most frequent first. */
  forms: string[];
}

/**
 * How much a term is worth for the search at hand (its inverse document frequency among what
 * will be searched), or null when nothing searched holds it: such a term would take a place in
 * the query and match nothing.
 */
export type Rarity = (term: string) => number | null;

const TITLE_WEIGHT = 2;

/** One content word of an article before any rarity is known: how often, and as written. */
export interface ArticleTerm {
  term: string;
  /** Occurrences, title words counting TITLE_WEIGHT. */
  count: number;
  /** The words as written (lower case) that became this term, most frequent first. */
  forms: string[];
}

/**
 * Returns the article's content words (stemmed, stop words out), most used first (then by
 * term): the order in which bounded work looks their rarity up.
 */
export function articleTerms(title: string, text: string): ArticleTerm[] {
  const counts = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  const add = (source: string, weight: number) => {
    for (const raw of source.normalize('NFC').toLowerCase().match(WORD) ?? []) {
      const term = termOf(raw);
      if (term === null) continue;
      counts.set(term, (counts.get(term) ?? 0) + weight);
      const seen = forms.get(term) ?? new Map<string, number>();
      seen.set(raw, (seen.get(raw) ?? 0) + 1);
      forms.set(term, seen);
    }
  };
  add(title, TITLE_WEIGHT);
  add(text, 1);
  return [...counts]
    .map(([term, count]) => ({
      term,
      count,
      forms: [...(forms.get(term) ?? [])].sort((a, b) => b[1] - a[1]).map(([form]) => form),
    }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));
}

/**
 * Returns the article's `limit` key terms, best first: count (sublinear, title words ×2) times
 * the square root of their rarity among the documents to be searched. The root because the
 * search (BM25, FTS5) weighs rarity again, and because a topical background such as the feed
 * catalog finds "China" common: the seed says it 25 times and must not lose it to a "future"
 * said twice. Terms the searched documents lack are left out.
 */
export function keyTerms(title: string, text: string, rarity: Rarity, limit = 30): KeyTerm[] {
  return rankTerms(articleTerms(title, text), rarity, limit);
}

/** Returns the `limit` best of `terms` as keyTerms ranks them, for a caller that has them. */
export function rankTerms(terms: readonly ArticleTerm[], rarity: Rarity, limit = 30): KeyTerm[] {
  return terms
    .map(({ term, count, forms }) => ({ term, forms, weight: 1 + Math.log(count) }))
    .map((t) => ({ ...t, rarity: rarity(t.term) }))
    .filter((t): t is KeyTerm & { rarity: number } => t.rarity !== null)
    .map((t) => ({ ...t, value: t.weight * Math.sqrt(t.rarity) }))
    .sort((a, b) => b.value - a.value || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map(({ term, weight, forms }) => ({ term, weight, forms }));
}
