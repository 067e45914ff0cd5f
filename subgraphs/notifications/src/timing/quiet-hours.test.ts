import { describe, expect, it } from 'vitest';
import { isInQuietHours, moveOutOfQuietHours, parseClockTime } from './quiet-hours.js';

const at = (iso: string): Date => new Date(iso);
const NIGHT = { start: '22:00', end: '07:00' };
const LUNCH = { start: '12:00', end: '14:00' };

describe('parseClockTime', () => {
  it('parses HH:MM and H:MM', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('07:30')).toBe(450);
    expect(parseClockTime('7:30')).toBe(450);
    expect(parseClockTime('23:59')).toBe(1439);
  });

  it.each(['24:00', '12:60', '7', '07:5', ' 07:00', 'noon', ''])('rejects %j', (value) => {
    expect(() => parseClockTime(value)).toThrow(RangeError);
  });
});

describe('isInQuietHours', () => {
  // Europe/Berlin in July is UTC+2
  it.each([
    ['2026-07-01T19:59:00Z', false], // 21:59
    ['2026-07-01T20:00:00Z', true], // 22:00, start is inclusive
    ['2026-07-01T22:00:00Z', true], // 00:00
    ['2026-07-02T04:59:00Z', true], // 06:59
    ['2026-07-02T05:00:00Z', false], // 07:00, end is exclusive
  ])('22:00–07:00 crossing midnight at %s → %s', (iso, expected) => {
    expect(isInQuietHours(at(iso), NIGHT, 'Europe/Berlin')).toBe(expected);
  });

  it.each([
    ['2026-07-01T09:59:00Z', false], // 11:59
    ['2026-07-01T10:00:00Z', true], // 12:00
    ['2026-07-01T11:59:00Z', true], // 13:59
    ['2026-07-01T12:00:00Z', false], // 14:00
  ])('12:00–14:00 same day at %s → %s', (iso, expected) => {
    expect(isInQuietHours(at(iso), LUNCH, 'Europe/Berlin')).toBe(expected);
  });

  it('treats start === end and null as no quiet hours', () => {
    expect(isInQuietHours(at('2026-07-01T01:00:00Z'), { start: '08:00', end: '08:00' }, 'UTC')).toBe(false);
    expect(isInQuietHours(at('2026-07-01T08:00:00Z'), { start: '08:00', end: '08:00' }, 'UTC')).toBe(false);
    expect(isInQuietHours(at('2026-07-01T01:00:00Z'), null, 'UTC')).toBe(false);
  });
});

describe('moveOutOfQuietHours', () => {
  it('leaves instants outside quiet hours alone', () => {
    const t = at('2026-07-01T19:00:00Z');
    expect(moveOutOfQuietHours(t, NIGHT, 'Europe/Berlin')).toBe(t);
  });

  it('moves late evening to the end of the range the next local day', () => {
    // 23:00 CEST on 1 July → 07:00 CEST on 2 July
    expect(moveOutOfQuietHours(at('2026-07-01T21:00:00Z'), NIGHT, 'Europe/Berlin').toISOString()).toBe(
      '2026-07-02T05:00:00.000Z',
    );
  });

  it('moves early morning to the end of the range the same local day', () => {
    // 05:30 IST (half-hour offset) → 07:00 IST = 01:30Z
    expect(moveOutOfQuietHours(at('2026-06-01T00:00:00Z'), NIGHT, 'Asia/Kolkata').toISOString()).toBe(
      '2026-06-01T01:30:00.000Z',
    );
  });

  it('moves within a same-day range', () => {
    // 13:15 JST → 14:00 JST
    expect(moveOutOfQuietHours(at('2026-06-01T04:15:00Z'), LUNCH, 'Asia/Tokyo').toISOString()).toBe(
      '2026-06-01T05:00:00.000Z',
    );
  });

  it('an end inside a spring-forward gap becomes the first valid instant', () => {
    // New York 8 Mar 2026: 02:00–03:00 does not exist; quiet 22:00–02:30 from 23:00 on 7 Mar
    expect(
      moveOutOfQuietHours(
        at('2026-03-08T04:00:00Z'),
        { start: '22:00', end: '02:30' },
        'America/New_York',
      ).toISOString(),
    ).toBe(
      '2026-03-08T07:00:00.000Z', // 03:00 EDT
    );
  });

  it('in the repeated fall-back hour, uses the later occurrence of the end rather than going back', () => {
    // New York 1 Nov 2026: 01:10 EST (second occurrence) is 06:10Z; 01:30 EDT (05:30Z) is in the past
    const quiet = { start: '00:00', end: '01:30' };
    expect(moveOutOfQuietHours(at('2026-11-01T06:10:00Z'), quiet, 'America/New_York').toISOString()).toBe(
      '2026-11-01T06:30:00.000Z', // 01:30 EST
    );
    // first occurrence: 01:10 EDT → 01:30 EDT
    expect(moveOutOfQuietHours(at('2026-11-01T05:10:00Z'), quiet, 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('uses UTC for an invalid zone', () => {
    expect(moveOutOfQuietHours(at('2026-07-01T23:00:00Z'), NIGHT, 'Bogus/Zone').toISOString()).toBe(
      '2026-07-02T07:00:00.000Z',
    );
  });
});
