import { describe, expect, it } from 'vitest';
import { computeCareTask, type CareTaskInput } from './care-task.js';
import { currentSeasonStart, nextSeasonStart } from './season-start.js';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const fern = {
  fertilizeIntervalDays: 14,
  fertilizePausesInDormancy: true,
  repotIntervalMonths: 12,
  mistIntervalDays: 2,
  pruneIntervalDays: null,
  rotateIntervalDays: 30,
  cleanLeavesIntervalDays: null,
};
const base = (over: Partial<CareTaskInput>): CareTaskInput => ({ task: 'FERTILIZE', species: fern, ...over });

describe('fertilizing', () => {
  it('feeds at the species interval in spring and summer (northern)', () => {
    const s = computeCareTask(base({ lastDoneAt: at('2026-04-01T10:00:00Z') }), at('2026-04-10T10:00:00Z'));
    expect(s).toMatchObject({ intervalDays: 14, paused: false, season: 'SPRING', source: 'COMPUTED' });
    expect(s?.dueDate.toISOString()).toBe('2026-04-15T10:00:00.000Z');
    expect(s?.daysUntilDue).toBe(5);
  });

  it('spaces feeds out in autumn', () => {
    const s = computeCareTask(base({ lastDoneAt: at('2026-10-01T10:00:00Z') }), at('2026-10-02T10:00:00Z'));
    expect(s).toMatchObject({ intervalDays: 21, season: 'AUTUMN', paused: false });
  });

  it('pauses in winter until spring starts, in the northern hemisphere', () => {
    const s = computeCareTask(base({ lastDoneAt: at('2026-11-20T10:00:00Z') }), at('2026-12-05T10:00:00Z'));
    expect(s).toMatchObject({ paused: true, season: 'WINTER' });
    expect(s?.dueDate.toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(s?.factors.map((f) => f.name)).toContain('SEASON');
  });

  it('pauses in June in the southern hemisphere, until September in the user’s time zone', () => {
    const s = computeCareTask(
      base({ lastDoneAt: at('2026-05-20T10:00:00Z'), hemisphere: 'SOUTHERN', timeZone: 'Australia/Sydney' }),
      at('2026-06-10T10:00:00Z'),
    );
    expect(s).toMatchObject({ paused: true, season: 'WINTER', timeZone: 'Australia/Sydney' });
    // 1 September 00:00 in Sydney (UTC+10).
    expect(s?.dueDate.toISOString()).toBe('2026-08-31T14:00:00.000Z');
    // The same instant is summer in the north: not paused.
    expect(computeCareTask(base({ lastDoneAt: at('2026-05-20T10:00:00Z') }), at('2026-06-10T10:00:00Z'))).toMatchObject(
      { paused: false, season: 'SUMMER', intervalDays: 14 },
    );
  });

  it('resumes across the season boundary: the last day of February is paused, 1 March is not', () => {
    const input = base({ lastDoneAt: at('2026-10-01T00:00:00Z'), timeZone: 'Europe/Paris' });
    const feb = computeCareTask(input, at('2027-02-28T22:00:00Z')); // 23:00 in Paris, still February
    const mar = computeCareTask(input, at('2027-02-28T23:30:00Z')); // 00:30 on 1 March in Paris
    expect(feb).toMatchObject({ paused: true, daysUntilDue: 1 });
    expect(mar).toMatchObject({ paused: false, season: 'SPRING', urgency: 'OVERDUE' });
  });

  it('keeps feeding (half as often) in winter for species that do not rest', () => {
    const s = computeCareTask(
      base({ species: { ...fern, fertilizePausesInDormancy: false }, lastDoneAt: at('2026-12-01T00:00:00Z') }),
      at('2026-12-02T00:00:00Z'),
    );
    expect(s).toMatchObject({ paused: false, intervalDays: 28 });
  });
});

describe('other tasks', () => {
  it('repots from the species months and the pot size', () => {
    const now = at('2026-04-10T00:00:00Z');
    const medium = computeCareTask(base({ task: 'REPOT', potSize: 'MEDIUM', since: now }), now);
    const large = computeCareTask(base({ task: 'REPOT', potSize: 'LARGE', since: now }), now);
    expect(medium?.intervalDays).toBe(365);
    expect(large?.intervalDays).toBe(548);
    expect(large?.factors.find((f) => f.name === 'POT_SIZE')?.factor).toBe(1.5);
  });

  it("repots from the growth rate when the species gives no months, and the species' own months win", () => {
    const now = at('2026-04-10T00:00:00Z');
    const repot = (species: CareTaskInput['species'], potSize: CareTaskInput['potSize'] = null) =>
      computeCareTask({ task: 'REPOT', species, potSize, since: now }, now);
    const slow = repot({ repotIntervalMonths: null, growthRate: 'SLOW' });
    expect(slow).toMatchObject({ intervalDays: 1096, source: 'COMPUTED' }); // 36 months
    expect(slow?.factors[0]?.reason).toBe('No species interval: repot every 36 months (slow grower)');
    expect(repot({ growthRate: 'FAST' }, 'SMALL')?.intervalDays).toBe(274); // 12 months × 0.75
    expect(repot({ repotIntervalMonths: 18, growthRate: 'FAST' })?.intervalDays).toBe(548);
    expect(repot({ repotIntervalMonths: 0, growthRate: 'MODERATE' })?.intervalDays).toBe(731);
    expect(repot({ growthRate: 'HUGE' as never })).toBeNull();
    expect(repot({ growthRate: 'toString' as never })).toBeNull();
    expect(repot({})).toBeNull();
  });

  it('counts the first interval from when the plant was acquired', () => {
    const s = computeCareTask(base({ task: 'MIST', since: at('2026-04-01T08:00:00Z') }), at('2026-04-10T08:00:00Z'));
    expect(s).toMatchObject({ intervalDays: 2, urgency: 'OVERDUE' });
    expect(s?.dueDate.toISOString()).toBe('2026-04-03T08:00:00.000Z');
  });

  it('is not planned without a species default, or when turned off; an override plans it', () => {
    const now = at('2026-04-10T00:00:00Z');
    expect(computeCareTask(base({ task: 'PRUNE' }), now)).toBeNull();
    expect(computeCareTask(base({ task: 'MIST', override: { enabled: false } }), now)).toBeNull();
    const custom = computeCareTask(base({ task: 'PRUNE', override: { intervalDays: 45, enabled: true } }), now);
    expect(custom).toMatchObject({ intervalDays: 45, source: 'CUSTOM' });
    expect(custom?.dueDate.getTime()).toBe(now.getTime() + 45 * DAY);
  });

  it('never throws on bad data', () => {
    const now = at('2026-04-10T00:00:00Z');
    const garbage = {
      task: 'FERTILIZE',
      species: { fertilizeIntervalDays: Number.NaN },
      lastDoneAt: new Date('nope'),
      since: 'yesterday' as unknown as Date,
      hemisphere: 'MARS' as never,
      timeZone: 'Not/AZone',
      potSize: 'HUGE' as never,
    } as CareTaskInput;
    expect(computeCareTask(garbage, now)).toBeNull();
    const repot = computeCareTask({ ...garbage, task: 'REPOT', species: { repotIntervalMonths: 12 } }, now);
    expect(repot).toMatchObject({ timeZone: 'UTC', intervalDays: 365 });
    const future = computeCareTask(base({ task: 'MIST', lastDoneAt: at('2030-01-01T00:00:00Z') }), now);
    expect(future?.lastDoneAt).toBeNull();
    expect(computeCareTask(base({ task: 'MIST', override: { intervalDays: -3 } }), now)?.intervalDays).toBe(2);
  });
});

describe('season starts', () => {
  it('finds the current season start in both hemispheres', () => {
    expect(currentSeasonStart(at('2026-01-15T00:00:00Z'), 'NORTHERN', 'UTC')).toEqual({
      season: 'WINTER',
      startedAt: at('2025-12-01T00:00:00Z'),
      year: 2025,
    });
    expect(currentSeasonStart(at('2026-01-15T00:00:00Z'), 'SOUTHERN', 'UTC')).toMatchObject({
      season: 'SUMMER',
      startedAt: at('2025-12-01T00:00:00Z'),
    });
    expect(nextSeasonStart(at('2026-06-15T00:00:00Z'), 'SPRING', 'SOUTHERN', 'UTC')).toEqual(
      at('2026-09-01T00:00:00Z'),
    );
  });
});
