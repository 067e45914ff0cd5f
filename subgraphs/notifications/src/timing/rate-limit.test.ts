import { describe, expect, it } from 'vitest';
import { applyRateLimits } from './rate-limit.js';

const at = (iso: string): Date => new Date(iso);
const iso = (d: Date): string => d.toISOString();
const BERLIN = 'Europe/Berlin'; // July: UTC+2
const NY = 'America/New_York'; // May: UTC-4

describe('applyRateLimits: per local clock hour', () => {
  it('keeps the candidate when the hour has room', () => {
    const existing = [at('2026-07-01T07:05:00Z'), at('2026-07-01T07:20:00Z')];
    expect(iso(applyRateLimits(at('2026-07-01T07:00:00Z'), existing, undefined, BERLIN))).toBe(
      '2026-07-01T07:00:00.000Z',
    );
  });

  it('moves the 4th notification in an hour to the start of the next hour', () => {
    // 09:00, 09:10, 09:50 CEST already taken → 10:00 CEST
    const existing = [at('2026-07-01T07:00:00Z'), at('2026-07-01T07:10:00Z'), at('2026-07-01T07:50:00Z')];
    expect(iso(applyRateLimits(at('2026-07-01T07:30:00Z'), existing, undefined, BERLIN))).toBe(
      '2026-07-01T08:00:00.000Z',
    );
  });

  it('counts only the same clock hour (neighbours do not count)', () => {
    const existing = [
      at('2026-07-01T06:59:00Z'),
      at('2026-07-01T07:00:00Z'),
      at('2026-07-01T07:10:00Z'),
      at('2026-07-01T08:00:00Z'),
    ];
    expect(iso(applyRateLimits(at('2026-07-01T07:30:00Z'), existing, undefined, BERLIN))).toBe(
      '2026-07-01T07:30:00.000Z',
    );
  });

  it('aligns hours to the local clock in a half-hour zone', () => {
    // Kolkata 09:00–10:00 IST is 03:30–04:30Z; 08:59 IST (03:29Z) is the previous hour
    const existing = [at('2026-06-01T03:29:00Z'), at('2026-06-01T03:30:00Z'), at('2026-06-01T03:40:00Z')];
    const candidate = at('2026-06-01T03:45:00Z');
    expect(iso(applyRateLimits(candidate, existing, undefined, 'Asia/Kolkata'))).toBe('2026-06-01T03:45:00.000Z');
    existing.push(at('2026-06-01T04:29:00Z')); // 09:59 IST
    expect(iso(applyRateLimits(candidate, existing, undefined, 'Asia/Kolkata'))).toBe('2026-06-01T04:30:00.000Z');
  });

  it('skips several full hours in a row', () => {
    const existing = ['07:00', '07:01', '07:02', '08:00', '08:01', '08:02'].map((t) => at(`2026-07-01T${t}:00Z`));
    expect(iso(applyRateLimits(at('2026-07-01T07:30:00Z'), existing, undefined, BERLIN))).toBe(
      '2026-07-01T09:00:00.000Z',
    );
  });

  it('re-checks quiet hours after moving to the next hour', () => {
    // 21:xx CEST is full → 22:00 is quiet → 07:00 next day
    const existing = [at('2026-07-01T19:00:00Z'), at('2026-07-01T19:10:00Z'), at('2026-07-01T19:20:00Z')];
    const quietHours = { start: '22:00', end: '07:00' };
    expect(iso(applyRateLimits(at('2026-07-01T19:30:00Z'), existing, undefined, BERLIN, { quietHours }))).toBe(
      '2026-07-02T05:00:00.000Z',
    );
  });

  it('treats each occurrence of the repeated fall-back hour as its own hour', () => {
    // New York 1 Nov 2026: 01:00–02:00 EDT (05:00–06:00Z) is full; 01:10 EST (06:10Z) is not in it
    const existing = [at('2026-11-01T05:00:00Z'), at('2026-11-01T05:10:00Z'), at('2026-11-01T05:20:00Z')];
    expect(iso(applyRateLimits(at('2026-11-01T06:10:00Z'), existing, undefined, NY))).toBe('2026-11-01T06:10:00.000Z');
    expect(iso(applyRateLimits(at('2026-11-01T05:30:00Z'), existing, undefined, NY))).toBe('2026-11-01T06:00:00.000Z');
  });
});

describe('applyRateLimits: per local calendar day', () => {
  /** One notification per local hour 08:00–22:00 EDT on 12 May 2026 (15 total, no hour full). */
  const fullDay = Array.from({ length: 15 }, (_, i) => new Date(Date.UTC(2026, 4, 12, 12 + i, 15)));

  it('keeps the 15th of the day', () => {
    expect(iso(applyRateLimits(at('2026-05-13T00:30:00Z'), fullDay.slice(1), undefined, NY))).toBe(
      '2026-05-13T00:30:00.000Z',
    );
  });

  it('moves the 16th of the day to dayStartHour on the next local day', () => {
    const candidate = at('2026-05-13T00:30:00Z'); // 20:30 EDT on 12 May
    expect(iso(applyRateLimits(candidate, fullDay, undefined, NY, { dayStartHour: 8 }))).toBe(
      '2026-05-13T12:00:00.000Z',
    );
    expect(iso(applyRateLimits(candidate, fullDay, undefined, NY))).toBe('2026-05-13T13:00:00.000Z'); // default 09:00
  });

  it('uses the local day, not the UTC day', () => {
    // 03:00Z on 13 May is 23:00 EDT on 12 May, so it still counts against the 12th
    expect(iso(applyRateLimits(at('2026-05-13T03:00:00Z'), fullDay, undefined, NY))).toBe('2026-05-13T13:00:00.000Z');
    expect(iso(applyRateLimits(at('2026-05-13T03:00:00Z'), fullDay, undefined, 'UTC'))).toBe(
      '2026-05-13T03:00:00.000Z',
    );
  });

  it('re-checks quiet hours at the next day start', () => {
    const quietHours = { start: '22:00', end: '07:00' };
    expect(
      iso(applyRateLimits(at('2026-05-13T00:30:00Z'), fullDay, undefined, NY, { dayStartHour: 6, quietHours })),
    ).toBe(
      '2026-05-13T11:00:00.000Z', // 07:00 EDT
    );
  });

  it('skips consecutive full days and full hours on the new day', () => {
    const nextDay = fullDay.map((d) => new Date(d.getTime() + 86_400_000));
    const nextNextMorning = [0, 10, 20].map((m) => new Date(Date.UTC(2026, 4, 14, 13, m))); // 09:xx EDT on 14 May
    const result = applyRateLimits(
      at('2026-05-12T20:00:00Z'),
      [...fullDay, ...nextDay, ...nextNextMorning],
      undefined,
      NY,
    );
    expect(iso(result)).toBe('2026-05-14T14:00:00.000Z'); // 10:00 EDT on 14 May
  });

  it('terminates with a long backlog', () => {
    const backlog: Date[] = [];
    for (let day = 0; day < 60; day++) {
      for (let i = 0; i < 15; i++) backlog.push(new Date(Date.UTC(2026, 0, 1 + day, 8 + i)));
    }
    expect(iso(applyRateLimits(at('2026-01-01T00:00:00Z'), backlog, undefined, 'UTC'))).toBe(
      '2026-03-02T09:00:00.000Z',
    );
  });
});

describe('applyRateLimits: options and validation', () => {
  it('accepts partial limits', () => {
    const existing = [at('2026-07-01T07:00:00Z')];
    expect(iso(applyRateLimits(at('2026-07-01T07:30:00Z'), existing, { perHour: 1 }, BERLIN))).toBe(
      '2026-07-01T08:00:00.000Z',
    );
    expect(iso(applyRateLimits(at('2026-07-01T07:30:00Z'), existing, { perDay: 1 }, BERLIN, { dayStartHour: 8 }))).toBe(
      '2026-07-02T06:00:00.000Z',
    );
  });

  it('falls back to UTC windows for an invalid zone', () => {
    const existing = [at('2026-07-01T07:00:00Z'), at('2026-07-01T07:10:00Z'), at('2026-07-01T07:50:00Z')];
    expect(iso(applyRateLimits(at('2026-07-01T07:30:00Z'), existing, undefined, 'Bad/Zone'))).toBe(
      '2026-07-01T08:00:00.000Z',
    );
  });

  it('rejects limits that could never be satisfied and bad hours', () => {
    const c = at('2026-07-01T07:30:00Z');
    expect(() => applyRateLimits(c, [], { perHour: 0 }, 'UTC')).toThrow(RangeError);
    expect(() => applyRateLimits(c, [], { perDay: 1.5 }, 'UTC')).toThrow(RangeError);
    expect(() => applyRateLimits(c, [], undefined, 'UTC', { dayStartHour: 24 })).toThrow(RangeError);
    expect(() => applyRateLimits(new Date(Number.NaN), [], undefined, 'UTC')).toThrow(RangeError);
  });
});
