import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  calendarDaysBetween,
  isValidTimeZone,
  localDate,
  localParts,
  resolveTimeZone,
  startOfLocalDay,
  zonedTimeToUtc,
} from './time-zone.js';

const at = (iso: string): Date => new Date(iso);
const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({
  year,
  month,
  day,
  hour,
  minute,
});

describe('localParts', () => {
  it.each([
    // zone, instant, expected local parts (weekday 0 = Sunday)
    ['America/New_York', '2026-01-15T14:30:00Z', { ...wall(2026, 1, 15, 9, 30), weekday: 4 }],
    ['America/New_York', '2026-07-15T14:30:00Z', { ...wall(2026, 7, 15, 10, 30), weekday: 3 }],
    ['Europe/Berlin', '2026-07-01T12:00:00Z', { ...wall(2026, 7, 1, 14, 0), weekday: 3 }],
    ['Asia/Tokyo', '2026-03-01T20:00:00Z', { ...wall(2026, 3, 2, 5, 0), weekday: 1 }],
    ['Australia/Sydney', '2026-01-10T13:00:00Z', { ...wall(2026, 1, 11, 0, 0), weekday: 0 }], // AEDT +11
    ['Australia/Sydney', '2026-07-10T13:00:00Z', { ...wall(2026, 7, 10, 23, 0), weekday: 5 }], // AEST +10
    ['Asia/Kolkata', '2026-06-01T00:00:00Z', { ...wall(2026, 6, 1, 5, 30), weekday: 1 }],
  ])('%s at %s', (tz, iso, expected) => {
    expect(localParts(at(iso), tz)).toEqual(expected);
  });

  it('reports midnight as hour 0, not 24', () => {
    expect(localParts(at('2026-05-12T04:00:00Z'), 'America/New_York').hour).toBe(0);
  });

  it('falls back to UTC for an invalid zone', () => {
    expect(localParts(at('2026-05-12T15:45:00Z'), 'Mars/Olympus_Mons')).toEqual({
      ...wall(2026, 5, 12, 15, 45),
      weekday: 2,
    });
  });

  it('throws on an invalid Date', () => {
    expect(() => localParts(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('isValidTimeZone / resolveTimeZone', () => {
  it('accepts IANA names and rejects junk', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(resolveTimeZone('Nowhere/Land')).toBe('UTC');
    expect(resolveTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});

describe('zonedTimeToUtc', () => {
  it.each([
    ['America/New_York', wall(2026, 1, 15, 9), '2026-01-15T14:00:00.000Z'],
    ['America/New_York', wall(2026, 7, 15, 9), '2026-07-15T13:00:00.000Z'],
    ['Europe/Berlin', wall(2026, 7, 1, 9), '2026-07-01T07:00:00.000Z'],
    ['Asia/Tokyo', wall(2026, 3, 2, 0), '2026-03-01T15:00:00.000Z'],
    ['Australia/Sydney', wall(2026, 1, 20, 9), '2026-01-19T22:00:00.000Z'],
    ['Australia/Sydney', wall(2026, 7, 20, 9), '2026-07-19T23:00:00.000Z'],
    ['Asia/Kolkata', wall(2026, 6, 1, 9), '2026-06-01T03:30:00.000Z'],
    ['Not/A_Zone', wall(2026, 6, 1, 9), '2026-06-01T09:00:00.000Z'],
  ])('%s %o', (tz, w, expected) => {
    expect(zonedTimeToUtc(w, tz).toISOString()).toBe(expected);
  });

  it.each([
    // spring-forward gaps: the non-existent time moves to the transition instant (first valid)
    ['America/New_York', wall(2026, 3, 8, 2, 30), '2026-03-08T07:00:00.000Z'], // → 03:00 EDT
    ['Europe/Berlin', wall(2026, 3, 29, 2, 30), '2026-03-29T01:00:00.000Z'], // → 03:00 CEST
    ['Australia/Sydney', wall(2026, 10, 4, 2, 15), '2026-10-03T16:00:00.000Z'], // → 03:00 AEDT
  ])('DST gap in %s moves forward to the first valid instant', (tz, w, expected) => {
    expect(zonedTimeToUtc(w, tz).toISOString()).toBe(expected);
    expect(zonedTimeToUtc(w, tz, 'later').toISOString()).toBe(expected);
    expect(localParts(zonedTimeToUtc(w, tz), tz)).toMatchObject({ hour: 3, minute: 0 });
  });

  it.each([
    // fall-back overlaps: ambiguous time picks the earlier instant by default
    ['America/New_York', wall(2026, 11, 1, 1, 30), '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
    ['Europe/Berlin', wall(2026, 10, 25, 2, 30), '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'],
    ['Australia/Sydney', wall(2026, 4, 5, 2, 30), '2026-04-04T15:30:00.000Z', '2026-04-04T16:30:00.000Z'],
  ])('DST overlap in %s picks the earlier instant', (tz, w, earlier, later) => {
    expect(zonedTimeToUtc(w, tz).toISOString()).toBe(earlier);
    expect(zonedTimeToUtc(w, tz, 'later').toISOString()).toBe(later);
  });

  it('normalises overflowing fields like Date.UTC', () => {
    // 24:00 on 31 Dec = 00:00 on 1 Jan 2027 JST
    expect(zonedTimeToUtc(wall(2026, 12, 31, 24), 'Asia/Tokyo').toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });

  it('rejects non-finite fields', () => {
    expect(() => zonedTimeToUtc(wall(2026, 1, 1, Number.NaN), 'UTC')).toThrow(RangeError);
  });

  it.each(['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata'])(
    'round-trips every 15 minutes across both %s DST changes of 2026',
    (tz) => {
      const windows = ['2026-03-07', '2026-03-28', '2026-04-04', '2026-10-03', '2026-10-24', '2026-10-31'];
      for (const day of windows) {
        const start = at(`${day}T00:00:00Z`).getTime();
        for (let t = start; t < start + 3 * 86_400_000; t += 15 * 60_000) {
          const local = localParts(new Date(t), tz);
          const earlier = zonedTimeToUtc(local, tz, 'earlier').getTime();
          const later = zonedTimeToUtc(local, tz, 'later').getTime();
          expect([earlier, later]).toContain(t);
        }
      }
    },
  );
});

describe('addLocalDays', () => {
  it('rolls over months, years and leap days', () => {
    expect(addLocalDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addLocalDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addLocalDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
  });
});

describe('localDate / calendarDaysBetween', () => {
  it('dates an instant in the zone, not in UTC', () => {
    const instant = at('2026-03-10T23:30:00Z');
    expect(localDate(instant, 'UTC')).toEqual({ year: 2026, month: 3, day: 10 });
    expect(localDate(instant, 'Asia/Tokyo')).toEqual({ year: 2026, month: 3, day: 11 });
    expect(localDate(instant, 'America/Los_Angeles')).toEqual({ year: 2026, month: 3, day: 10 });
    expect(localDate(instant, 'Mars/Olympus_Mons')).toEqual({ year: 2026, month: 3, day: 10 });
  });

  it('counts calendar days, not 24-hour spans, across a 23-hour DST day', () => {
    expect(calendarDaysBetween(at('2026-03-28T23:30:00Z'), at('2026-03-30T22:30:00Z'), 'Europe/Paris')).toBe(2);
    expect(calendarDaysBetween(at('2026-03-10T23:59:00Z'), at('2026-03-11T00:01:00Z'), 'UTC')).toBe(1);
    expect(calendarDaysBetween(at('2026-03-11T00:01:00Z'), at('2026-03-10T23:59:00Z'), 'UTC')).toBe(-1);
  });

  it('throws on an invalid Date', () => {
    expect(() => localDate(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight, 23 or 25 hours before the next one on DST days', () => {
    const day = { year: 2026, month: 3, day: 29 };
    expect(startOfLocalDay(day, 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay(addLocalDays(day, 1), 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('is the end of the gap when midnight does not exist', () => {
    // Chile springs forward at 24:00 on the first Saturday of September: 6 September 2026 starts at 01:00.
    expect(startOfLocalDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago').toISOString()).toBe(
      '2026-09-06T04:00:00.000Z',
    );
  });
});

describe('resolveTimeZone canonical spelling', () => {
  it('returns the canonical name for other casings and aliases', () => {
    expect(resolveTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('US/Eastern')).toBe('America/New_York');
    expect(resolveTimeZone('Etc/UTC')).toBe('UTC');
    expect(isValidTimeZone('europe/berlin')).toBe(true);
  });

  it('reads missing and non-string zones as UTC', () => {
    for (const zone of [undefined, null, 42, '', '   ', 'UTC+25']) {
      expect(isValidTimeZone(zone)).toBe(false);
      expect(resolveTimeZone(zone)).toBe('UTC');
    }
  });
});
