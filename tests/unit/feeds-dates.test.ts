// parseFeedDate on the date forms feeds write: RFC 822 (RSS), RFC 3339 (Atom, JSON Feed) and
// the broken variants seen in the wild.
import { describe, expect, it } from 'vitest';
import { notAfter, parseFeedDate } from '../../src/main/core/feeds/dates';

const at = (iso: string) => Date.parse(iso);

describe('parseFeedDate', () => {
  it.each([
    ['Thu, 16 May 2024 10:00:00 GMT', '2024-05-16T10:00:00Z'],
    ['16 May 2024 10:00:00 GMT', '2024-05-16T10:00:00Z'], // no day name
    ['Thu, 16 May 2024 10:00 GMT', '2024-05-16T10:00:00Z'], // no seconds
    ['Thu, 16 May 24 10:00:00 UT', '2024-05-16T10:00:00Z'], // two-digit year
    ['Sun, 16 May 99 10:00:00 Z', '1999-05-16T10:00:00Z'],
    ['Thu, 16 May 2024 10:00:00 EST', '2024-05-16T15:00:00Z'],
    ['Thu, 16 May 2024 10:00:00 PDT', '2024-05-16T17:00:00Z'],
    ['Thu, 16 May 2024 10:00:00 +0300', '2024-05-16T07:00:00Z'],
    ['Thu, 16 May 2024 10:00:00 +03:00', '2024-05-16T07:00:00Z'], // colon in an RFC 822 zone
    ['Thu, 16 May 2024 10:00:00 A', '2024-05-16T11:00:00Z'], // military, RFC 822 signs
    ['Thu, 16 May 2024 10:00:00 N', '2024-05-16T09:00:00Z'],
    ['Thursday, 16 May 2024 10:00:00 GMT', '2024-05-16T10:00:00Z'],
    ['Thu, 16 May 2024 10:00:00', '2024-05-16T10:00:00Z'], // no zone: UTC
    ['2024-05-16T10:00:00Z', '2024-05-16T10:00:00Z'],
    ['2024-05-16T10:00:00.123+02:00', '2024-05-16T08:00:00.123Z'], // fractional seconds
    ['2024-05-16T10:00:00', '2024-05-16T10:00:00Z'], // no zone
    ['2024-05-16 10:00:00 +0300', '2024-05-16T07:00:00Z'], // space instead of T
    ['2024-05-16T10:00Z', '2024-05-16T10:00:00Z'],
    ['2024-05-16', '2024-05-16T00:00:00Z'],
    ['  Thu,  16 May 2024\n 10:00:00 GMT ', '2024-05-16T10:00:00Z'], // stray whitespace
    ['May 16, 2024 10:00:00 GMT', '2024-05-16T10:00:00Z'],
  ])('reads %j', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(at(iso));
  });

  it.each([
    'Mon, 32 Jan 2024 10:00:00 GMT', // no such day
    '2024-02-30T10:00:00Z',
    '2024-13-01',
    'Thu, 16 Foo 2024 10:00:00 GMT',
    'sometime last week',
    '',
    '0000-00-00T00:00:00Z', // MySQL's zero date, in real feeds
  ])('gives null for %j', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });

  it('gives null for a missing date', () => {
    expect(parseFeedDate(null)).toBeNull();
  });
});

describe('notAfter', () => {
  it('clamps future dates to now and keeps the others', () => {
    expect(notAfter(2_000, 1_000)).toBe(1_000);
    expect(notAfter(500, 1_000)).toBe(500);
    expect(notAfter(null, 1_000)).toBeNull();
  });
});
