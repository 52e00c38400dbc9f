/**
 * The catalog's topic vocabulary: every topic a catalog entry may carry, with the label a reason
 * shows ("Covers Russia and China") and the words that stand for it in an article. The words are
 * what makes a topic match text: the seed never says "east-asia", it says "China" and "Sino-".
 */

/** One topic: how a reason names it and the words (any language) that signal it in a text. */
export interface TopicInfo {
  label: string;
  words: readonly string[];
}

/** Every topic of the catalog. Adding one here is the only way a catalog entry may use it. */
export const TOPICS = {
  world: { label: 'world news', words: ['world', 'international', 'global', 'foreign'] },
  geopolitics: {
    label: 'geopolitics',
    words: [
      'geopolitics',
      'geopolitical',
      'diplomacy',
      'diplomatic',
      'strategic',
      'alliance',
      'rivalry',
      'multipolar',
      'bilateral',
    ],
  },
  security: {
    label: 'security',
    words: ['security', 'military', 'conflict', 'nuclear', 'deterrence'],
  },
  defense: {
    label: 'defence',
    words: ['defense', 'defence', 'military', 'army', 'weapon', 'missile', 'navy'],
  },
  politics: {
    label: 'politics',
    words: ['politics', 'political', 'election', 'government', 'parliament'],
  },
  russia: {
    label: 'Russia',
    words: [
      'russia',
      'russian',
      'kremlin',
      'moscow',
      'putin',
      'россия',
      'russland',
      'russie',
      'rusia',
    ],
  },
  ukraine: { label: 'Ukraine', words: ['ukraine', 'ukrainian', 'kyiv', 'zelenskyy', 'україна'] },
  china: {
    label: 'China',
    words: ['china', 'chinese', 'beijing', 'sino', 'xi', 'jinping', '中国', 'chine', 'cina'],
  },
  japan: { label: 'Japan', words: ['japan', 'japanese', 'tokyo', '日本'] },
  korea: { label: 'Korea', words: ['korea', 'korean', 'seoul', 'pyongyang'] },
  taiwan: { label: 'Taiwan', words: ['taiwan', 'taipei', 'strait'] },
  india: { label: 'India', words: ['india', 'indian', 'delhi', 'modi'] },
  asia: { label: 'Asia', words: ['asia', 'asian', 'pacific'] },
  'east-asia': {
    label: 'East Asia',
    words: ['asia', 'china', 'japan', 'korea', 'taiwan', 'mongolia'],
  },
  'southeast-asia': {
    label: 'Southeast Asia',
    words: [
      'southeast',
      'asean',
      'indonesia',
      'vietnam',
      'philippines',
      'thailand',
      'malaysia',
      'singapore',
      'myanmar',
    ],
  },
  'south-asia': {
    label: 'South Asia',
    words: ['india', 'pakistan', 'bangladesh', 'afghanistan', 'nepal'],
  },
  'central-asia': {
    label: 'Central Asia',
    words: [
      'eurasia',
      'eurasian',
      'kazakhstan',
      'uzbekistan',
      'kyrgyzstan',
      'tajikistan',
      'caucasus',
    ],
  },
  europe: { label: 'Europe', words: ['europe', 'european', 'eu', 'brussels'] },
  'middle-east': {
    label: 'the Middle East',
    words: ['israel', 'iran', 'gulf', 'arab', 'syria', 'gaza'],
  },
  africa: { label: 'Africa', words: ['africa', 'african', 'nigeria', 'kenya', 'ethiopia'] },
  americas: {
    label: 'the Americas',
    words: ['america', 'latin', 'brazil', 'mexico', 'canada', 'argentina'],
  },
  business: { label: 'business', words: ['business', 'company', 'industry', 'corporate', 'ceo'] },
  economy: {
    label: 'the economy',
    words: ['economy', 'economic', 'trade', 'growth', 'inflation', 'investment'],
  },
  markets: { label: 'markets', words: ['market', 'stock', 'bond', 'investor', 'commodity'] },
  finance: { label: 'finance', words: ['finance', 'financial', 'bank', 'banking'] },
  energy: { label: 'energy', words: ['energy', 'oil', 'gas', 'pipeline', 'opec'] },
  technology: {
    label: 'technology',
    words: [
      'technology',
      'tech',
      'digital',
      'computer',
      'chip',
      'semiconductor',
      'ai',
      'hardware',
      'processor',
    ],
  },
  software: {
    label: 'software',
    words: ['software', 'programming', 'source', 'linux', 'developer', 'kernel', 'code'],
  },
  cybersecurity: {
    label: 'cybersecurity',
    words: ['cybersecurity', 'cyber', 'hacker', 'malware', 'breach', 'ransomware'],
  },
  science: {
    label: 'science',
    words: [
      'science',
      'scientific',
      'research',
      'researcher',
      'scientist',
      'study',
      'discovery',
      'biology',
      'physics',
    ],
  },
  space: {
    label: 'space',
    words: ['space', 'astronomy', 'telescope', 'planet', 'galaxy', 'nasa', 'orbit'],
  },
  climate: { label: 'climate', words: ['climate', 'warming', 'emission', 'carbon'] },
  environment: {
    label: 'the environment',
    words: ['environment', 'environmental', 'nature', 'pollution', 'wildlife'],
  },
  health: {
    label: 'health',
    words: ['health', 'medicine', 'medical', 'disease', 'hospital', 'patient'],
  },
  culture: { label: 'culture', words: ['culture', 'cultural', 'book', 'film', 'music'] },
  media: {
    label: 'the media',
    words: ['media', 'journalism', 'press', 'propaganda', 'censorship'],
  },
} as const satisfies Record<string, TopicInfo>;

/** A topic of the vocabulary. */
export type Topic = keyof typeof TOPICS;

/** Every topic id, for the catalog's schema. */
export const TOPIC_IDS = Object.keys(TOPICS) as [Topic, ...Topic[]];

/** The regions a catalog entry may name (where its news is mostly about or from). */
export const REGIONS = [
  'global',
  'north-america',
  'latin-america',
  'europe',
  'russia-eurasia',
  'east-asia',
  'south-asia',
  'southeast-asia',
  'central-asia',
  'middle-east',
  'africa',
  'oceania',
] as const;
