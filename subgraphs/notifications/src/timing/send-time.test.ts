import { describe, expect, it } from 'vitest';
import { ceilToMinute, computeSendTime, type SendTimeInput } from './send-time.js';

const at = (iso: string): Date => new Date(iso);
const LONG_AGO = at('2026-01-01T00:00:00Z');
const NIGHT = { start: '22:00', end: '07:00' };

/** Send time as an ISO string, with `now` far in the past unless given. */
function send(input: Partial<SendTimeInput> & Pick<SendTimeInput, 'dueAt'>, now = LONG_AGO): string {
  return computeSendTime({ timeZone: 'UTC', ...input }, now).toISOString();
}

describe('computeSendTime: due local day at the preferred hour', () => {
  it.each([
    // zone, dueAt, expected send (09:00 local on the due local day, default preferred hour)
    ['America/New_York', '2026-05-12T15:00:00Z', '2026-05-12T13:00:00.000Z'], // 11:00 EDT → 09:00 EDT
    ['America/New_York', '2026-05-12T02:00:00Z', '2026-05-11T13:00:00.000Z'], // 11 May 22:00 EDT: due day is the 11th
    ['Europe/Berlin', '2026-01-20T12:00:00Z', '2026-01-20T08:00:00.000Z'], // CET +1
    ['Europe/Berlin', '2026-07-20T12:00:00Z', '2026-07-20T07:00:00.000Z'], // CEST +2
    ['Asia/Tokyo', '2026-05-12T20:00:00Z', '2026-05-13T00:00:00.000Z'], // 13 May 05:00 JST: due day is the 13th
    ['Australia/Sydney', '2026-01-20T00:00:00Z', '2026-01-19T22:00:00.000Z'], // southern summer, AEDT +11
    ['Australia/Sydney', '2026-07-20T00:00:00Z', '2026-07-19T23:00:00.000Z'], // southern winter, AEST +10
    ['Asia/Kolkata', '2026-06-01T10:00:00Z', '2026-06-01T03:30:00.000Z'], // IST +5:30
  ])('%s due %s → %s', (timeZone, dueAt, expected) => {
    expect(send({ timeZone, dueAt: at(dueAt) })).toBe(expected);
  });

  it('honours preferredHour', () => {
    expect(send({ timeZone: 'Asia/Tokyo', dueAt: at('2026-05-12T03:00:00Z'), preferredHour: 18 })).toBe(
      '2026-05-12T09:00:00.000Z',
    );
    expect(send({ timeZone: 'Asia/Tokyo', dueAt: at('2026-05-12T03:00:00Z'), preferredHour: 0 })).toBe(
      '2026-05-11T15:00:00.000Z',
    );
  });

  it('falls back to UTC for an invalid zone', () => {
    expect(send({ timeZone: 'Not/AZone', dueAt: at('2026-05-12T23:00:00Z') })).toBe('2026-05-12T09:00:00.000Z');
  });
});

describe('computeSendTime: DST days', () => {
  it('a preferred hour inside the spring-forward gap sends at the first valid instant', () => {
    // New York 8 Mar 2026: 02:00 does not exist → 03:00 EDT
    expect(send({ timeZone: 'America/New_York', dueAt: at('2026-03-08T17:00:00Z'), preferredHour: 2 })).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('a preferred hour inside the fall-back overlap sends at the earlier instant', () => {
    // New York 1 Nov 2026: 01:00 happens twice → 01:00 EDT
    expect(send({ timeZone: 'America/New_York', dueAt: at('2026-11-01T17:00:00Z'), preferredHour: 1 })).toBe(
      '2026-11-01T05:00:00.000Z',
    );
  });

  it('09:00 local stays 09:00 local across the change', () => {
    const tz = 'Europe/Berlin'; // changes 29 Mar 2026 and 25 Oct 2026
    expect(send({ timeZone: tz, dueAt: at('2026-03-28T12:00:00Z') })).toBe('2026-03-28T08:00:00.000Z');
    expect(send({ timeZone: tz, dueAt: at('2026-03-29T12:00:00Z') })).toBe('2026-03-29T07:00:00.000Z');
    const sydney = 'Australia/Sydney'; // DST ends 5 Apr 2026
    expect(send({ timeZone: sydney, dueAt: at('2026-04-04T02:00:00Z') })).toBe('2026-04-03T22:00:00.000Z');
    expect(send({ timeZone: sydney, dueAt: at('2026-04-05T02:00:00Z') })).toBe('2026-04-04T23:00:00.000Z');
  });
});

describe('computeSendTime: never in the past', () => {
  it('overdue → now, rounded up to the next minute', () => {
    const now = at('2026-05-12T18:00:30Z');
    expect(send({ timeZone: 'Europe/Berlin', dueAt: at('2026-05-10T08:00:00Z') }, now)).toBe(
      '2026-05-12T18:01:00.000Z',
    );
  });

  it('due earlier today → now (exact minute kept)', () => {
    const now = at('2026-05-12T12:00:00Z'); // 14:00 CEST, preferred 09:00 has passed
    expect(send({ timeZone: 'Europe/Berlin', dueAt: at('2026-05-12T16:00:00Z') }, now)).toBe(
      '2026-05-12T12:00:00.000Z',
    );
  });

  it('overdue while in quiet hours → end of quiet hours', () => {
    const now = at('2026-05-12T21:30:00Z'); // 23:30 CEST
    expect(send({ timeZone: 'Europe/Berlin', dueAt: at('2026-05-10T08:00:00Z'), quietHours: NIGHT }, now)).toBe(
      '2026-05-13T05:00:00.000Z',
    );
  });
});

describe('computeSendTime: quiet hours', () => {
  const dueAt = at('2026-07-01T10:00:00Z'); // 1 July, Berlin CEST (+2)
  const tz = 'Europe/Berlin';

  it.each([
    [23, '2026-07-02T05:00:00.000Z'], // 23:00 → 07:00 next day
    [22, '2026-07-02T05:00:00.000Z'], // start is inclusive
    [6, '2026-07-01T05:00:00.000Z'], // 06:00 → 07:00 same day
    [0, '2026-07-01T05:00:00.000Z'],
    [7, '2026-07-01T05:00:00.000Z'], // end is exclusive: 07:00 is fine
    [21, '2026-07-01T19:00:00.000Z'], // outside: unchanged
  ])('22:00–07:00, preferred hour %i → %s', (preferredHour, expected) => {
    expect(send({ timeZone: tz, dueAt, preferredHour, quietHours: NIGHT })).toBe(expected);
  });

  it.each([
    [12, '2026-07-01T12:00:00.000Z'], // 12:00 → 14:00
    [13, '2026-07-01T12:00:00.000Z'],
    [14, '2026-07-01T12:00:00.000Z'],
    [11, '2026-07-01T09:00:00.000Z'],
  ])('12:00–14:00, preferred hour %i → %s', (preferredHour, expected) => {
    expect(send({ timeZone: tz, dueAt, preferredHour, quietHours: { start: '12:00', end: '14:00' } })).toBe(expected);
  });

  it('start === end means no quiet hours', () => {
    expect(send({ timeZone: tz, dueAt, preferredHour: 3, quietHours: { start: '03:00', end: '03:00' } })).toBe(
      '2026-07-01T01:00:00.000Z',
    );
  });

  it('works with a half-hour offset zone', () => {
    // Kolkata, preferred 06:00 IST inside 22:00–07:30 → 07:30 IST = 02:00Z
    const quietHours = { start: '22:00', end: '07:30' };
    expect(send({ timeZone: 'Asia/Kolkata', dueAt: at('2026-06-01T10:00:00Z'), preferredHour: 6, quietHours })).toBe(
      '2026-06-01T02:00:00.000Z',
    );
  });
});

describe('computeSendTime: pauses', () => {
  const base = { timeZone: 'Europe/Berlin', dueAt: at('2026-07-01T10:00:00Z'), quietHours: NIGHT };

  it('holds the reminder until the pause ends', () => {
    expect(send({ ...base, pausedUntil: at('2026-07-03T10:00:00Z') })).toBe('2026-07-03T10:00:00.000Z');
  });

  it('re-applies quiet hours after the pause', () => {
    // pause ends 02:30 CEST on 3 July → quiet until 07:00 CEST
    expect(send({ ...base, pausedUntil: at('2026-07-03T00:30:00Z') })).toBe('2026-07-03T05:00:00.000Z');
  });

  it('rounds a mid-minute pause end up to the minute', () => {
    expect(send({ ...base, pausedUntil: at('2026-07-03T10:00:05Z') })).toBe('2026-07-03T10:01:00.000Z');
  });

  it('ignores a pause that ends before (or exactly at) the candidate', () => {
    expect(send({ ...base, pausedUntil: at('2026-06-30T10:00:00Z') })).toBe('2026-07-01T07:00:00.000Z');
    expect(send({ ...base, pausedUntil: at('2026-07-01T07:00:00Z') })).toBe('2026-07-01T07:00:00.000Z');
  });
});

describe('computeSendTime: input validation', () => {
  it.each([24, -1, 9.5, Number.NaN])('rejects preferredHour %d', (preferredHour) => {
    expect(() => send({ dueAt: at('2026-07-01T10:00:00Z'), preferredHour })).toThrow(RangeError);
  });

  it('rejects invalid dates and malformed quiet hours', () => {
    expect(() => send({ dueAt: new Date(Number.NaN) })).toThrow(RangeError);
    expect(() => send({ dueAt: at('2026-07-01T10:00:00Z'), pausedUntil: new Date('nope') })).toThrow(RangeError);
    expect(() => send({ dueAt: at('2026-07-01T10:00:00Z'), quietHours: { start: '10pm', end: '07:00' } })).toThrow(
      RangeError,
    );
  });
});

describe('ceilToMinute', () => {
  it('rounds up to the whole minute, leaving whole minutes alone', () => {
    expect(ceilToMinute(at('2026-05-12T18:00:30.500Z')).toISOString()).toBe('2026-05-12T18:01:00.000Z');
    expect(ceilToMinute(at('2026-05-12T18:00:00.000Z')).toISOString()).toBe('2026-05-12T18:00:00.000Z');
  });
});
