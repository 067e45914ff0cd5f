import { describe, expect, it } from 'vitest';
import { planCareReminders, reminderKey, type CareDue, type PlanSettings } from './plan-care-reminders.js';

const now = new Date('2026-03-01T00:00:00Z');
const water = (preferredHour = 9): PlanSettings['tasks'] => ({ WATER: { preferredHour, channels: ['IN_APP'] } });
const base: PlanSettings = {
  timeZone: 'UTC',
  tasks: water(),
  quietHours: null,
  pausedUntil: null,
  digestEnabled: false,
};
const plantId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const plant = (n: number, dueAt: string, nickname = `Plant ${n}`): CareDue => ({
  userPlantId: plantId(n),
  nickname,
  task: 'WATER',
  dueAt: new Date(dueAt),
});
const times = (plan: ReturnType<typeof planCareReminders>) => plan.map((r) => r.sendAt.toISOString());

describe('planCareReminders', () => {
  it('sends on the due day at the preferred hour in the user’s time zone', () => {
    // 03:00 UTC on the 10th is still the 9th in New York (EST, UTC−5): the reminder goes out at 09:00 there.
    const plan = planCareReminders(
      [plant(1, '2026-03-10T03:00:00Z', 'Monty')],
      { ...base, timeZone: 'America/New_York', tasks: water(9) },
      [],
      now,
    );
    expect(times(plan)).toEqual(['2026-03-09T13:00:00.000Z']);
    expect(plan[0]).toMatchObject({
      title: 'Monty needs water today',
      userPlantIds: [plantId(1)],
      careItems: [`${plantId(1)}:WATER`],
      type: 'WATERING_REMINDER',
    });
  });

  it('moves a reminder out of quiet hours that cross midnight', () => {
    const plan = planCareReminders(
      [plant(1, '2026-03-05T12:00:00Z')],
      { ...base, timeZone: 'Europe/Berlin', tasks: water(6), quietHours: { start: '22:00', end: '07:30' } },
      [],
      now,
    );
    expect(times(plan)).toEqual(['2026-03-05T06:30:00.000Z']); // 07:30 in Berlin (CET, UTC+1)
  });

  it('holds reminders while paused', () => {
    const plan = planCareReminders(
      [plant(1, '2026-03-05T12:00:00Z')],
      { ...base, pausedUntil: new Date('2026-03-08T15:20:00Z') },
      [],
      now,
    );
    expect(times(plan)).toEqual(['2026-03-08T15:20:00.000Z']);
  });

  it('sends an overdue reminder now', () => {
    const plan = planCareReminders([plant(1, '2026-02-20T12:00:00Z')], base, [], new Date('2026-03-01T10:15:30Z'));
    expect(times(plan)).toEqual(['2026-03-01T10:16:00.000Z']);
  });

  it('lists plants due together in one digest when the digest is on', () => {
    const plants = [
      plant(1, '2026-03-05T08:00:00Z', 'Monty'),
      plant(2, '2026-03-05T20:00:00Z', 'Fern'),
      plant(3, '2026-03-05T23:00:00Z', 'Pothos'),
    ];
    const plan = planCareReminders(plants, { ...base, digestEnabled: true }, [], now);
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      title: '3 plants need water today',
      body: 'Monty, Fern and Pothos are due for watering.',
    });
    expect(plan[0]?.userPlantIds).toHaveLength(3);
    expect(times(plan)).toEqual(['2026-03-05T09:00:00.000Z']);
  });

  it('keeps plants due on different days apart even with the digest on', () => {
    const plan = planCareReminders(
      [plant(1, '2026-03-05T08:00:00Z'), plant(2, '2026-03-06T08:00:00Z')],
      { ...base, digestEnabled: true },
      [],
      now,
    );
    expect(plan.map((r) => r.userPlantIds.length)).toEqual([1, 1]);
  });

  it('sends at most 3 per hour: without a digest, the fourth and fifth move to the next hour', () => {
    const plants = [1, 2, 3, 4, 5].map((n) => plant(n, '2026-03-05T08:00:00Z'));
    expect(times(planCareReminders(plants, base, [], now))).toEqual([
      '2026-03-05T09:00:00.000Z',
      '2026-03-05T09:00:00.000Z',
      '2026-03-05T09:00:00.000Z',
      '2026-03-05T10:00:00.000Z',
      '2026-03-05T10:00:00.000Z',
    ]);
  });

  it('counts notifications already sent against the limits', () => {
    const sent = ['09:01', '09:10', '09:20'].map((t) => new Date(`2026-03-05T${t}:00Z`));
    expect(times(planCareReminders([plant(1, '2026-03-05T08:00:00Z')], base, sent, now))).toEqual([
      '2026-03-05T10:00:00.000Z',
    ]);
  });

  it('sends at most 15 per day: a full day moves the reminder to the next day’s preferred hour', () => {
    const sent = Array.from({ length: 15 }, (_, i) => new Date(Date.UTC(2026, 2, 5, i + 1, 0)));
    expect(times(planCareReminders([plant(1, '2026-03-05T08:00:00Z')], base, sent, now))).toEqual([
      '2026-03-06T09:00:00.000Z',
    ]);
  });

  it('keys reminders by their plants and tasks, whatever the order', () => {
    expect(reminderKey(['b:WATER', 'a:MIST'])).toBe(reminderKey(['a:MIST', 'b:WATER']));
  });
});

describe('planCareReminders for every task', () => {
  const task = (n: number, t: CareDue['task'], dueAt: string, nickname = `Plant ${n}`): CareDue => ({
    ...plant(n, dueAt, nickname),
    task: t,
  });
  const allTasks: PlanSettings['tasks'] = {
    WATER: { preferredHour: 9, channels: ['IN_APP'] },
    FERTILIZE: { preferredHour: 9, channels: ['IN_APP', 'WEBHOOK'] },
    REPOT: { preferredHour: 9, channels: ['IN_APP'] },
    MIST: { preferredHour: 9, channels: ['IN_APP'] },
    PRUNE: { preferredHour: 9, channels: ['IN_APP'] },
    ROTATE: { preferredHour: 9, channels: ['IN_APP'] },
    CLEAN_LEAVES: { preferredHour: 9, channels: ['IN_APP'] },
  };

  it('plans one reminder per plant and task, typed and worded for its task', () => {
    const plan = planCareReminders(
      [task(1, 'FERTILIZE', '2026-03-05T08:00:00Z', 'Fern'), task(1, 'WATER', '2026-03-06T08:00:00Z', 'Fern')],
      { ...base, tasks: allTasks },
      [],
      now,
    );
    expect(plan.map((r) => [r.type, r.careItems, r.title, r.channels])).toEqual([
      ['FERTILIZING_REMINDER', [`${plantId(1)}:FERTILIZE`], 'Fern needs fertilizer today', ['IN_APP', 'WEBHOOK']],
      ['WATERING_REMINDER', [`${plantId(1)}:WATER`], 'Fern needs water today', ['IN_APP']],
    ]);
    expect(plan[0]?.body).toBe("It's fertilizing day for Fern. Record it in Bloomzy once it is done.");
  });

  it('times each task at its own type’s preferred hour', () => {
    const plan = planCareReminders(
      [task(1, 'MIST', '2026-03-05T08:00:00Z'), task(2, 'PRUNE', '2026-03-05T08:00:00Z')],
      { ...base, tasks: { MIST: { preferredHour: 7, channels: ['IN_APP'] }, PRUNE: allTasks.PRUNE } },
      [],
      now,
    );
    expect(plan.map((r) => [r.type, r.sendAt.toISOString()])).toEqual([
      ['MISTING_REMINDER', '2026-03-05T07:00:00.000Z'],
      ['PRUNING_REMINDER', '2026-03-05T09:00:00.000Z'],
    ]);
  });

  it('leaves out tasks whose reminders are off', () => {
    const plan = planCareReminders(
      [task(1, 'REPOT', '2026-03-05T08:00:00Z'), task(1, 'WATER', '2026-03-05T08:00:00Z')],
      { ...base, tasks: water() },
      [],
      now,
    );
    expect(plan.map((r) => r.type)).toEqual(['WATERING_REMINDER']);
  });

  it('lists every task due together in one digest, watering first', () => {
    const plan = planCareReminders(
      [
        task(2, 'FERTILIZE', '2026-03-05T08:00:00Z', 'Fern'),
        task(1, 'WATER', '2026-03-05T08:00:00Z', 'Monty'),
        task(3, 'CLEAN_LEAVES', '2026-03-05T08:00:00Z', 'Pothos'),
        task(2, 'WATER', '2026-03-05T10:00:00Z', 'Fern'),
      ],
      { ...base, tasks: allTasks, digestEnabled: true },
      [],
      now,
    );
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      type: 'WATERING_REMINDER',
      title: '4 care tasks for your plants today',
      body: 'Water Monty and Fern, fertilize Fern, clean the leaves of Pothos.',
      userPlantIds: [plantId(1), plantId(2), plantId(3)],
      channels: ['IN_APP', 'WEBHOOK'],
    });
    expect(plan[0]?.careItems).toHaveLength(4);
    expect(times(plan)).toEqual(['2026-03-05T09:00:00.000Z']);
  });

  it('names a one-task digest by that task', () => {
    const plan = planCareReminders(
      [task(1, 'REPOT', '2026-03-05T08:00:00Z', 'Monty'), task(2, 'REPOT', '2026-03-05T08:00:00Z', 'Fern')],
      { ...base, tasks: allTasks, digestEnabled: true },
      [],
      now,
    );
    expect(plan[0]).toMatchObject({
      type: 'REPOTTING_REMINDER',
      title: '2 plants are ready for a bigger pot',
      body: 'Monty and Fern are due for repotting.',
    });
  });
});
