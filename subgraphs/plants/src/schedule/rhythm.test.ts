import { describe, expect, it } from 'vitest';
import { adaptToRhythm, computeRhythm, lastWatering, recentIntervals, usableWaterings } from './rhythm.js';

const NOW = new Date('2026-04-20T12:00:00Z');
const d = (iso: string) => new Date(iso);

describe('usableWaterings', () => {
  it('sorts, drops future and invalid dates, and collapses same-day duplicates onto the first', () => {
    const kept = usableWaterings(
      [
        d('2026-04-10T09:00Z'),
        d('2026-04-01T08:00Z'),
        d('2026-04-01T08:10Z'),
        d('2026-04-25T09:00Z'),
        new Date('nope'),
        'garbage',
        null,
      ],
      NOW,
    );
    expect(kept.map((x) => x.toISOString())).toEqual(['2026-04-01T08:00:00.000Z', '2026-04-10T09:00:00.000Z']);
  });

  it('keeps waterings at least half a day apart', () => {
    const kept = usableWaterings([d('2026-04-01T06:00Z'), d('2026-04-01T18:00Z')], NOW);
    expect(kept).toHaveLength(2);
  });

  it('returns nothing for non-arrays', () => {
    expect(usableWaterings(null, NOW)).toEqual([]);
    expect(usableWaterings('2026-04-01' as unknown as Date[], NOW)).toEqual([]);
  });
});

describe('lastWatering', () => {
  it('is the latest watering not after now', () => {
    expect(lastWatering([d('2026-04-19T10:00Z'), d('2026-04-21T10:00Z'), d('2026-04-10T10:00Z')], NOW)).toEqual(
      d('2026-04-19T10:00Z'),
    );
    expect(lastWatering([], NOW)).toBeNull();
  });
});

describe('recentIntervals', () => {
  it('uses at most the 5 most recent intervals', () => {
    const waterings = ['03-01', '03-03', '03-10', '03-17', '03-24', '03-31', '04-07'].map((md) =>
      d(`2026-${md}T09:00Z`),
    );
    expect(recentIntervals(waterings, NOW)).toEqual([7, 7, 7, 7, 7]);
  });

  it('ignores double-logging instead of producing a 0-day interval', () => {
    const waterings = [
      d('2026-04-01T08:00Z'),
      d('2026-04-01T08:05Z'),
      d('2026-04-08T08:00Z'),
      d('2026-04-08T19:59Z'),
      d('2026-04-15T08:00Z'),
    ];
    expect(recentIntervals(waterings, NOW)).toEqual([7, 7]);
  });
});

describe('adaptToRhythm', () => {
  it('moves to the observed average inside ±30 %', () => {
    expect(adaptToRhythm(10, 12)).toEqual({ adaptedIntervalDays: 12, bounded: false });
    expect(adaptToRhythm(10, 7)).toEqual({ adaptedIntervalDays: 7, bounded: false });
  });

  it('is bounded at +30 % and −30 %', () => {
    expect(adaptToRhythm(10, 20)).toEqual({ adaptedIntervalDays: 13, bounded: true });
    expect(adaptToRhythm(10, 2)).toEqual({ adaptedIntervalDays: 7, bounded: true });
  });
});

describe('computeRhythm', () => {
  it('needs at least two intervals', () => {
    expect(computeRhythm([d('2026-04-01T09:00Z'), d('2026-04-08T09:00Z')], 7, NOW)).toBeNull();
    expect(computeRhythm([d('2026-04-01T09:00Z')], 7, NOW)).toBeNull();
    expect(computeRhythm(undefined, 7, NOW)).toBeNull();
  });

  it('averages the recent intervals and reports the adapted value', () => {
    const rhythm = computeRhythm([d('2026-04-01T09:00Z'), d('2026-04-09T09:00Z'), d('2026-04-19T09:00Z')], 8, NOW);
    expect(rhythm).toEqual({ averageIntervalDays: 9, intervalsUsed: 2, adaptedIntervalDays: 9, bounded: false });
  });
});
