/** Date formatting for the list and the reader, in the user's locale. */

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const long = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function parse(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A compact date for the list: the time today, day and month this year, else with the year. */
export function shortDate(iso: string | null, now = new Date()): string {
  const date = parse(iso);
  if (!date) return '';
  if (date.toDateString() === now.toDateString()) return time.format(date);
  if (date.getFullYear() === now.getFullYear()) return dayMonth.format(date);
  return dayMonthYear.format(date);
}

/** A full date for the reader's byline, e.g. "Monday, 3 March 2025". */
export function longDate(iso: string | null): string {
  const date = parse(iso);
  return date ? long.format(date) : '';
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A size for people: "0 bytes", "812 bytes", "4.2 KB", "37 MB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 bytes';
  const exponent = Math.min(UNITS.length - 1, Math.floor(Math.log(bytes) / Math.log(1024)));
  if (exponent === 0) return `${Math.round(bytes)} bytes`;
  const value = bytes / 1024 ** exponent;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[exponent]}`;
}

/** "1 article" / "3 articles": a count with its noun, plural with an s. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
