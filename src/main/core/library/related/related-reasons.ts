/**
 * The one-line reasons shown beside related feeds: why this feed, in the reader's words.
 */
import { TOPICS, type Topic } from './feed-topics';
import { tokenize } from './terms';

/** Why a candidate was suggested, strongest first. */
export interface ReasonFacts {
  ownSite: boolean;
  linked: boolean;
  /** The title of a subscribed feed this one resembles, when there is one. */
  likeFeed: string | null;
  /** Its catalog topics (none for a subscription outside the catalog). */
  topics: readonly Topic[];
  /** The query terms it matched, best contribution first. */
  matched: readonly string[];
  /** True when the match came from the feed's recent articles (a subscription). */
  fromArticles: boolean;
}

/** The stems of each topic's words, to tell which topics a match speaks for. */
const TOPIC_STEMS = new Map(
  (Object.keys(TOPICS) as Topic[]).map((topic) => [
    topic,
    new Set(tokenize(TOPICS[topic].words.join(' '))),
  ]),
);

/** How many of the best-matched terms are read when naming the topics a feed covers. */
const TERMS_READ = 8;

/** Returns a short human sentence saying why the feed is suggested. */
export function reasonFor(facts: ReasonFacts, display: (term: string) => string): string {
  if (facts.ownSite) return 'The site of this article';
  if (facts.linked) return 'Linked from this article';
  if (facts.likeFeed) return `Like your feed ${facts.likeFeed}`;
  const topics = coveredTopics(facts.topics, facts.matched.slice(0, TERMS_READ));
  if (topics.length > 0) return `Covers ${joinAnd(topics.map((t) => TOPICS[t].label))}`;
  const words = facts.matched.slice(0, 2).map((term) => `“${display(term)}”`);
  if (words.length === 0) return facts.fromArticles ? 'One of your feeds' : 'From the catalog';
  const what = joinAnd(words);
  return facts.fromArticles ? `Its recent articles mention ${what}` : `About ${what}`;
}

/** Returns up to two of the topics whose words the feed matched, the best matched first. */
function coveredTopics(topics: readonly Topic[], matched: readonly string[]): Topic[] {
  const scored = topics
    .map((topic) => {
      const stems = TOPIC_STEMS.get(topic) as Set<string>;
      // An earlier (better) matched term counts more.
      const score = matched.reduce((sum, term, i) => sum + (stems.has(term) ? 1 / (i + 1) : 0), 0);
      return { topic, score };
    })
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score);
  // "Covers Asia and East Asia" says one thing twice: keep the first of two alike labels.
  const out: Topic[] = [];
  for (const { topic } of scored) {
    if (
      out.some(
        (t) =>
          TOPICS[t].label.includes(TOPICS[topic].label) ||
          TOPICS[topic].label.includes(TOPICS[t].label),
      )
    )
      continue;
    out.push(topic);
    if (out.length === 2) break;
  }
  return out;
}

function joinAnd(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
