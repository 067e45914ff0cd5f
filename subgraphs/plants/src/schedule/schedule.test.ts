import { describe, expect, it } from 'vitest';
import { computeWateringSchedule } from './schedule.js';
import type { WateringScheduleInput } from './types.js';

const SPRING_NOW = new Date('2026-04-20T12:00:00Z'); // northern spring: factor 0.9
const d = (iso: string) => new Date(iso);
/** Waterings every `days` days ending at `last`, oldest first. */
const every = (days: number, count: number, last: string) =>
  Array.from({ length: count }, (_, i) => new Date(d(last).getTime() - (count - 1 - i) * days * 86_400_000));

describe('computeWateringSchedule: computed interval', () => {
  it('applies the season to the species base and lists every factor', () => {
    const s = computeWateringSchedule({ speciesBaseIntervalDays: 10 }, SPRING_NOW);
    expect(s).toMatchObject({
      source: 'COMPUTED',
      season: 'SPRING',
      baseIntervalDays: 10,
      baseIntervalIsDefault: false,
    });
    expect(s.computedIntervalDays).toBe(9);
    expect(s.intervalDays).toBe(9);
    expect(s.factors.map((f) => f.name)).toEqual([
      'SEASON',
      'POT_SIZE',
      'POT_MATERIAL',
      'SOIL',
      'LIGHT',
      'TEMPERATURE',
    ]);
    expect(s.rhythm).toBeNull();
  });

  it('multiplies all factors (northern winter, large terracotta pot, low light, cool room)', () => {
    const s = computeWateringSchedule(
      {
        speciesBaseIntervalDays: 10,
        potSize: 'LARGE',
        potMaterial: 'TERRACOTTA',
        soil: 'STANDARD',
        light: 'LOW',
        roomTemperatureC: 15,
      },
      d('2026-01-15T12:00:00Z'),
    );
    // 10 × 1.3 × 1.15 × 0.85 × 1 × 1.2 × 1.15 = 17.536…
    expect(s.season).toBe('WINTER');
    expect(s.computedIntervalDays).toBe(17.54);
    expect(s.intervalDays).toBe(18);
  });

  it('uses the southern season for southern users', () => {
    const january = d('2026-01-15T12:00:00Z');
    expect(computeWateringSchedule({ speciesBaseIntervalDays: 10, hemisphere: 'SOUTHERN' }, january)).toMatchObject({
      season: 'SUMMER',
      intervalDays: 8,
    });
    const july = d('2026-07-15T12:00:00Z');
    expect(computeWateringSchedule({ speciesBaseIntervalDays: 10, hemisphere: 'SOUTHERN' }, july)).toMatchObject({
      season: 'WINTER',
      intervalDays: 13,
    });
    expect(computeWateringSchedule({ speciesBaseIntervalDays: 10 }, july)).toMatchObject({
      season: 'SUMMER',
      intervalDays: 8,
    });
  });

  it('clamps to 1 day and to 60 days', () => {
    expect(computeWateringSchedule({ speciesBaseIntervalDays: 0.5 }, SPRING_NOW).intervalDays).toBe(1);
    const huge = computeWateringSchedule(
      { speciesBaseIntervalDays: 60, light: 'LOW', potSize: 'XLARGE' },
      d('2026-01-15T12:00:00Z'),
    );
    expect(huge.computedIntervalDays).toBe(117);
    expect(huge.intervalDays).toBe(60);
  });

  it.each([0, -3, Number.NaN, Number.POSITIVE_INFINITY, null, undefined])(
    'falls back to a 7-day base for %s',
    (base) => {
      const s = computeWateringSchedule({ speciesBaseIntervalDays: base }, SPRING_NOW);
      expect(s).toMatchObject({
        baseIntervalDays: 7,
        baseIntervalIsDefault: true,
        computedIntervalDays: 6.3,
        intervalDays: 6,
      });
    },
  );
});

describe('computeWateringSchedule: user rhythm', () => {
  it('adopts the observed average inside ±30 %', () => {
    const s = computeWateringSchedule(
      { speciesBaseIntervalDays: 10, waterings: every(10, 4, '2026-04-20T09:00:00Z') },
      SPRING_NOW,
    );
    expect(s.rhythm).toEqual({ averageIntervalDays: 10, intervalsUsed: 3, adaptedIntervalDays: 10, bounded: false });
    expect(s.intervalDays).toBe(10);
    expect(s.nextWateringAt).toEqual(d('2026-04-30T09:00:00Z'));
  });

  it('is bounded at +30 % of the computed interval', () => {
    const s = computeWateringSchedule(
      { speciesBaseIntervalDays: 10, waterings: every(20, 4, '2026-04-19T09:00:00Z') },
      SPRING_NOW,
    );
    expect(s.rhythm).toMatchObject({ averageIntervalDays: 20, bounded: true });
    expect(s.rhythm?.adaptedIntervalDays).toBeCloseTo(11.7);
    expect(s.intervalDays).toBe(12);
  });

  it('is bounded at −30 % of the computed interval', () => {
    const s = computeWateringSchedule(
      { speciesBaseIntervalDays: 10, waterings: every(3, 6, '2026-04-19T09:00:00Z') },
      SPRING_NOW,
    );
    expect(s.rhythm).toMatchObject({ averageIntervalDays: 3, intervalsUsed: 5, bounded: true });
    expect(s.rhythm?.adaptedIntervalDays).toBeCloseTo(6.3);
    expect(s.intervalDays).toBe(6);
  });

  it('does not adapt with a single interval, and handles a single watering', () => {
    const one = computeWateringSchedule(
      { speciesBaseIntervalDays: 10, waterings: [d('2026-04-18T09:00:00Z')] },
      SPRING_NOW,
    );
    expect(one).toMatchObject({ rhythm: null, intervalDays: 9, lastWateredAt: d('2026-04-18T09:00:00Z') });
    expect(one.nextWateringAt).toEqual(d('2026-04-27T09:00:00Z'));
    const two = computeWateringSchedule(
      { speciesBaseIntervalDays: 10, waterings: every(20, 2, '2026-04-18T09:00:00Z') },
      SPRING_NOW,
    );
    expect(two).toMatchObject({ rhythm: null, intervalDays: 9 });
  });

  it('accepts waterings out of order and ignores future ones', () => {
    const waterings = [
      d('2026-04-19T09:00:00Z'),
      d('2026-05-01T09:00:00Z'),
      d('2026-03-30T09:00:00Z'),
      d('2026-04-09T09:00:00Z'),
    ];
    const s = computeWateringSchedule({ speciesBaseIntervalDays: 10, waterings }, SPRING_NOW);
    expect(s.lastWateredAt).toEqual(d('2026-04-19T09:00:00Z'));
    expect(s.rhythm).toMatchObject({ averageIntervalDays: 10, intervalsUsed: 2 });
  });
});

describe('computeWateringSchedule: custom interval', () => {
  const waterings = every(20, 4, '2026-04-19T09:00:00Z');

  it('wins over the computed interval and the rhythm', () => {
    const s = computeWateringSchedule({ speciesBaseIntervalDays: 10, customIntervalDays: 4, waterings }, SPRING_NOW);
    expect(s).toMatchObject({ source: 'CUSTOM', intervalDays: 4, computedIntervalDays: 9 });
    expect(s.rhythm).not.toBeNull(); // still reported for the UI
    expect(s.nextWateringAt).toEqual(d('2026-04-23T09:00:00Z'));
  });

  it.each([
    [0, 1],
    [-2, 1],
    [0.4, 1],
    [2.6, 3],
    [365, 60],
  ])('clamps custom %d to %d', (custom, expected) => {
    expect(computeWateringSchedule({ customIntervalDays: custom }, SPRING_NOW)).toMatchObject({
      source: 'CUSTOM',
      intervalDays: expected,
    });
  });

  it('ignores a non-finite custom interval', () => {
    expect(
      computeWateringSchedule({ speciesBaseIntervalDays: 10, customIntervalDays: Number.NaN }, SPRING_NOW),
    ).toMatchObject({ source: 'COMPUTED', intervalDays: 9 });
  });
});

describe('computeWateringSchedule: next watering and snooze', () => {
  const base: WateringScheduleInput = { speciesBaseIntervalDays: 10, waterings: [d('2026-04-10T09:00:00Z')] }; // next 04-19

  it('is now when the plant was never watered', () => {
    const s = computeWateringSchedule({ speciesBaseIntervalDays: 10 }, SPRING_NOW);
    expect(s).toMatchObject({
      lastWateredAt: null,
      nextWateringAt: SPRING_NOW,
      status: { urgency: 'DUE_TODAY', daysUntilDue: 0 },
    });
  });

  it('moves the next watering to the end of an active snooze', () => {
    const snooze = { snoozedAt: d('2026-04-19T10:00:00Z'), snoozedUntil: d('2026-04-22T09:00:00Z') };
    const s = computeWateringSchedule({ ...base, snooze }, SPRING_NOW);
    expect(s).toMatchObject({
      snoozeActive: true,
      snoozedUntil: snooze.snoozedUntil,
      nextWateringAt: snooze.snoozedUntil,
    });
    expect(s.status).toMatchObject({ daysUntilDue: 2, urgency: 'SOON' });
  });

  it('never moves the next watering earlier than computed', () => {
    const snooze = { snoozedAt: d('2026-04-11T10:00:00Z'), snoozedUntil: d('2026-04-12T09:00:00Z') };
    expect(computeWateringSchedule({ ...base, snooze }, SPRING_NOW).nextWateringAt).toEqual(d('2026-04-19T09:00:00Z'));
  });

  it('is cleared by a later watering', () => {
    const snooze = { snoozedAt: d('2026-04-18T10:00:00Z'), snoozedUntil: d('2026-04-25T09:00:00Z') };
    const s = computeWateringSchedule(
      { ...base, waterings: [d('2026-04-10T09:00:00Z'), d('2026-04-19T09:00:00Z')], snooze },
      SPRING_NOW,
    );
    expect(s).toMatchObject({ snoozeActive: false, snoozedUntil: null, nextWateringAt: d('2026-04-28T09:00:00Z') });
  });

  it('applies to a never-watered plant, even without snoozedAt', () => {
    const s = computeWateringSchedule(
      { snooze: { snoozedAt: null, snoozedUntil: d('2026-04-23T09:00:00Z') } },
      SPRING_NOW,
    );
    expect(s).toMatchObject({ snoozeActive: true, nextWateringAt: d('2026-04-23T09:00:00Z') });
  });

  it('reports overdue plants in the user time zone', () => {
    const s = computeWateringSchedule({ ...base, timeZone: 'Asia/Tokyo' }, SPRING_NOW);
    expect(s.status).toMatchObject({
      dueDate: d('2026-04-19T09:00:00Z'),
      daysUntilDue: -1,
      urgency: 'OVERDUE',
      timeZone: 'Asia/Tokyo',
    });
  });
});

describe('computeWateringSchedule: garbage input', () => {
  it('never throws on broken plant data', () => {
    const garbage = {
      speciesBaseIntervalDays: 'seven',
      customIntervalDays: '3',
      potSize: 'HUGE',
      potMaterial: 42,
      soil: {},
      light: null,
      roomTemperatureC: Number.NaN,
      hemisphere: 'EAST',
      timeZone: 'Not/A_Zone',
      waterings: [new Date('invalid'), 'yesterday', null, 17, d('2099-01-01T00:00:00Z')],
      snooze: { snoozedAt: 'soon', snoozedUntil: new Date('invalid') },
    } as unknown as WateringScheduleInput;
    const s = computeWateringSchedule(garbage, SPRING_NOW);
    expect(s).toMatchObject({
      source: 'COMPUTED',
      baseIntervalIsDefault: true,
      intervalDays: 6,
      snoozeActive: false,
      rhythm: null,
    });
    expect(s.status.timeZone).toBe('UTC');
    expect(s.factors.every((f) => Number.isFinite(f.factor))).toBe(true);
  });

  it('tolerates null input, null arrays and a non-object snooze', () => {
    expect(() => computeWateringSchedule(null as unknown as WateringScheduleInput, SPRING_NOW)).not.toThrow();
    expect(() =>
      computeWateringSchedule({ waterings: null, snooze: 'x' as unknown as null }, SPRING_NOW),
    ).not.toThrow();
  });

  it('throws only for an invalid `now`, which is a programming error', () => {
    expect(() => computeWateringSchedule({}, new Date('invalid'))).toThrow(RangeError);
  });
});
