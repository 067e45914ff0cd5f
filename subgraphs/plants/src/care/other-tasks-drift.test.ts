import { describe, expect, it } from 'vitest';
import { otherTasksDrifted } from './other-tasks-drift.js';

const now = new Date('2026-04-15T09:00:00Z');
const fert = (dueAt: string) => ({ task: 'FERTILIZE' as const, dueAt });

describe('otherTasksDrifted', () => {
  it('ignores a match, sub-minute jitter and a task that was due and still is', () => {
    expect(otherTasksDrifted([fert('2026-04-20T00:00:00.000Z')], [fert('2026-04-20T00:00:00.000Z')], now)).toBe(false);
    expect(otherTasksDrifted([fert('2026-04-20T00:00:00.000Z')], [fert('2026-04-20T00:00:30.000Z')], now)).toBe(false);
    expect(otherTasksDrifted([fert('2026-04-01T00:00:00.000Z')], [fert('2026-04-10T00:00:00.000Z')], now)).toBe(false);
    expect(otherTasksDrifted(null, [], now)).toBe(false);
  });

  it('sees a moved date, a task added or removed, and what older events never said', () => {
    expect(otherTasksDrifted([fert('2026-03-01T00:00:00.000Z')], [fert('2026-05-01T00:00:00.000Z')], now)).toBe(true);
    expect(otherTasksDrifted([], [fert('2026-05-01T00:00:00.000Z')], now)).toBe(true);
    expect(otherTasksDrifted([fert('2026-05-01T00:00:00.000Z')], [], now)).toBe(true);
    expect(otherTasksDrifted(null, [fert('2026-05-01T00:00:00.000Z')], now)).toBe(true);
    expect(otherTasksDrifted('not json', [fert('2026-05-01T00:00:00.000Z')], now)).toBe(true);
    expect(
      otherTasksDrifted(JSON.stringify([fert('2026-05-01T00:00:00.000Z')]), [fert('2026-05-01T00:00:00.000Z')], now),
    ).toBe(false);
  });
});
