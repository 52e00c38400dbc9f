/**
 * Feed dates -> epoch ms. Feeds write RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and many broken
 * variants of both; what cannot be read is null, never a guess.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Named zones of RFC 822 and the common North American ones, in hours east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  BST: 1,
  CET: 1,
  MET: 1,
  CEST: 2,
  MEST: 2,
  EET: 2,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  AST: -4,
  ADT: -3,
  AKST: -9,
  AKDT: -8,
  HST: -10,
  JST: 9,
  KST: 9,
  IST: 5.5,
  AEST: 10,
  AEDT: 11,
};

/**
 * Military zones as RFC 822 writes them (A = -1 … M = -12, N = +1 … Y = +12), as feedparser
 * reads them too; J is not a zone.
 */
function militaryOffset(letter: string): number | null {
  const code = letter.charCodeAt(0);
  if (letter === 'J' || code < 65 || code > 89) return null;
  if (code <= 77) return -(code - 64 - (code > 74 ? 1 : 0));
  return code - 77;
}

/** Returns the zone's offset in minutes east of UTC; unknown names count as UTC. */
function zoneMinutes(zone: string | undefined): number {
  if (!zone) return 0;
  const numeric = /^(?:GMT|UTC|UT)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const upper = zone.toUpperCase();
  if (upper in ZONES) return ZONES[upper]! * 60;
  if (upper.length === 1) return (militaryOffset(upper) ?? 0) * 60;
  return 0;
}

/** Returns epoch ms of a UTC calendar time shifted by a zone, or null when a field is out of range. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, zone = 0) {
  if (mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  const time = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - zone * 60_000;
  return Number.isFinite(time) ? time : null;
}

const ISO =
  /^(\d{4})-?(\d{2})(?:-?(\d{2}))?(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|UTC|GMT)?$/i;

function parseIso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return utc(
    +m[1]!,
    +m[2]!,
    +(m[3] ?? 1),
    +(m[4] ?? 0),
    +(m[5] ?? 0),
    +(m[6] ?? 0),
    ms,
    zoneMinutes(m[8]),
  );
}

const RFC822 =
  /^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*([A-Za-z]{1,5}|(?:GMT|UTC|UT)?[+-]\d{1,2}:?\d{2})?(?:\s*\(.*\))?$/;

function fullYear(y: string): number {
  const n = Number(y);
  // RFC 2822 4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx.
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  if (y.length === 3) return 1900 + n;
  return n;
}

function parseRfc822(s: string): number | null {
  const m = RFC822.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  const h = m[4] === undefined ? 0 : +m[4];
  return utc(fullYear(m[3]!), month, +m[1]!, h, +(m[5] ?? 0), +(m[6] ?? 0), 0, zoneMinutes(m[7]));
}

/** "May 16, 2024 10:00 GMT" and "Thu May 16 2024 10:00:00 GMT+0300" (month before day). */
const MONTH_FIRST =
  /^(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?$/;

function parseMonthFirst(s: string): number | null {
  const m = MONTH_FIRST.exec(s);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  return utc(+m[3]!, month, +m[2]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), 0, zoneMinutes(m[7]));
}

/**
 * Returns the epoch ms of a feed date, or null when it cannot be read. Dates without a zone are
 * taken as UTC (a stable choice: the machine's zone would make identity hashes drift).
 */
export function parseFeedDate(raw: string | null | undefined): number | null {
  if (!raw) return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  return parseIso(s) ?? parseRfc822(s) ?? parseMonthFirst(s);
}

/** Returns `time` clamped to `now`: a feed cannot publish in the future. */
export function notAfter(time: number | null, now: number): number | null {
  return time === null ? null : Math.min(time, now);
}
