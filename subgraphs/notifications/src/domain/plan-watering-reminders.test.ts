import { describe, expect, it } from 'vitest';
import { planWateringReminders, reminderKey, type PlanSettings, type PlantDue } from './plan-watering-reminders.js';

const now = new Date('2026-03-01T00:00:00Z');
const base: PlanSettings = {
  timeZone: 'UTC',
  preferredHour: 9,
  quietHours: null,
  pausedUntil: null,
  digestEnabled: false,
};
const plant = (n: number, dueAt: string, nickname = `Plant ${n}`): PlantDue => ({
  userPlantId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  nickname,
  dueAt: new Date(dueAt),
});
const times = (plan: ReturnType<typeof planWateringReminders>) => plan.map((r) => r.sendAt.toISOString());

describe('planWateringReminders', () => {
  it('sends on the due day at the preferred hour in the user’s time zone', () => {
    // 03:00 UTC on the 10th is still the 9th in New York (EST, UTC−5): the reminder goes out at 09:00 there.
    const plan = planWateringReminders(
      [plant(1, '2026-03-10T03:00:00Z', 'Monty')],
      { ...base, timeZone: 'America/New_York', preferredHour: 9 },
      [],
      now,
    );
    expect(times(plan)).toEqual(['2026-03-09T13:00:00.000Z']);
    expect(plan[0]).toMatchObject({
      title: 'Monty needs water today',
      userPlantIds: [plant(1, now.toISOString()).userPlantId],
    });
  });

  it('moves a reminder out of quiet hours that cross midnight', () => {
    const plan = planWateringReminders(
      [plant(1, '2026-03-05T12:00:00Z')],
      { ...base, timeZone: 'Europe/Berlin', preferredHour: 6, quietHours: { start: '22:00', end: '07:30' } },
      [],
      now,
    );
    expect(times(plan)).toEqual(['2026-03-05T06:30:00.000Z']); // 07:30 in Berlin (CET, UTC+1)
  });

  it('holds reminders while paused', () => {
    const plan = planWateringReminders(
      [plant(1, '2026-03-05T12:00:00Z')],
      { ...base, pausedUntil: new Date('2026-03-08T15:20:00Z') },
      [],
      now,
    );
    expect(times(plan)).toEqual(['2026-03-08T15:20:00.000Z']);
  });

  it('sends an overdue reminder now', () => {
    const plan = planWateringReminders([plant(1, '2026-02-20T12:00:00Z')], base, [], new Date('2026-03-01T10:15:30Z'));
    expect(times(plan)).toEqual(['2026-03-01T10:16:00.000Z']);
  });

  it('lists plants due together in one digest when the digest is on', () => {
    const plants = [
      plant(1, '2026-03-05T08:00:00Z', 'Monty'),
      plant(2, '2026-03-05T20:00:00Z', 'Fern'),
      plant(3, '2026-03-05T23:00:00Z', 'Pothos'),
    ];
    const plan = planWateringReminders(plants, { ...base, digestEnabled: true }, [], now);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      title: '3 plants need water today',
      body: 'Monty, Fern and Pothos are due for watering.',
    });
    expect(plan[0]?.userPlantIds).toHaveLength(3);
    expect(times(plan)).toEqual(['2026-03-05T09:00:00.000Z']);
  });

  it('keeps plants due on different days apart even with the digest on', () => {
    const plan = planWateringReminders(
      [plant(1, '2026-03-05T08:00:00Z'), plant(2, '2026-03-06T08:00:00Z')],
      { ...base, digestEnabled: true },
      [],
      now,
    );
    expect(plan.map((r) => r.userPlantIds.length)).toEqual([1, 1]);
  });

  it('sends at most 3 per hour: without a digest, the fourth and fifth move to the next hour', () => {
    const plants = [1, 2, 3, 4, 5].map((n) => plant(n, '2026-03-05T08:00:00Z'));
    expect(times(planWateringReminders(plants, base, [], now))).toEqual([
      '2026-03-05T09:00:00.000Z',
      '2026-03-05T09:00:00.000Z',
      '2026-03-05T09:00:00.000Z',
      '2026-03-05T10:00:00.000Z',
      '2026-03-05T10:00:00.000Z',
    ]);
  });

  it('counts notifications already sent against the limits', () => {
    const sent = ['09:01', '09:10', '09:20'].map((t) => new Date(`2026-03-05T${t}:00Z`));
    expect(times(planWateringReminders([plant(1, '2026-03-05T08:00:00Z')], base, sent, now))).toEqual([
      '2026-03-05T10:00:00.000Z',
    ]);
  });

  it('sends at most 15 per day: a full day moves the reminder to the next day’s preferred hour', () => {
    const sent = Array.from({ length: 15 }, (_, i) => new Date(Date.UTC(2026, 2, 5, i + 1, 0)));
    expect(times(planWateringReminders([plant(1, '2026-03-05T08:00:00Z')], base, sent, now))).toEqual([
      '2026-03-06T09:00:00.000Z',
    ]);
  });

  it('keys reminders by their plants, whatever the order', () => {
    expect(reminderKey(['b', 'a'])).toBe(reminderKey(['a', 'b']));
  });
});
