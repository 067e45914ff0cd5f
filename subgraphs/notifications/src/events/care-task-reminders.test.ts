/** Reminders for care tasks other than watering, end to end: care-schedule events with otherTasks → pending rows. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CareScheduleEvent } from '@bloomzy/shared/messaging/topics';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';

const SET_PREFS = `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { digestEnabled } }`;
type Tasks = NonNullable<CareScheduleEvent['otherTasks']>;

describe.each(testDatabaseKinds())('care task reminders (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind, { start: '2026-03-02T06:00:00Z' });
  });
  afterAll(async () => h?.stop());

  const pendingOf = (userId: string) =>
    h.db.notification.findMany({
      where: { userId, status: 'SCHEDULED' },
      orderBy: [{ scheduledFor: 'asc' }, { type: 'asc' }],
    });
  /** The user's pending reminders as "TYPE@time" lines, earliest first. */
  const summary = async (userId: string) =>
    (await pendingOf(userId)).map((n) => `${n.type}@${n.scheduledFor.toISOString().slice(0, 16)}`);
  const noDigest = async (userId: string) => {
    const set = await h.as(userId, SET_PREFS, { input: { digestEnabled: false } });
    expect(set.errors).toBeUndefined();
  };
  const plant = (userId: string, userPlantId: string, otherTasks: Tasks | undefined, extra = {}) =>
    h.careEvent({ userId, userPlantId, nextWateringAt: '2026-03-05T12:00:00Z', otherTasks, ...extra });

  it('keeps one pending reminder per plant and task, and moves each when its schedule moves', async () => {
    const userId = randomUUID();
    const fern = randomUUID();
    await noDigest(userId);
    await plant(userId, fern, [
      { task: 'FERTILIZE', dueAt: '2026-03-06T12:00:00Z' },
      { task: 'MIST', dueAt: '2026-03-07T12:00:00Z' },
    ]);
    expect(await summary(userId)).toEqual([
      'WATERING_REMINDER@2026-03-05T09:00',
      'FERTILIZING_REMINDER@2026-03-06T09:00',
      'MISTING_REMINDER@2026-03-07T09:00',
    ]);
    const before = await pendingOf(userId);

    // Fertilized: only that task moves, in place; a replay changes nothing.
    const cared = await plant(
      userId,
      fern,
      [
        { task: 'FERTILIZE', dueAt: '2026-03-20T12:00:00Z' },
        { task: 'MIST', dueAt: '2026-03-07T12:00:00Z' },
      ],
      { reason: 'CARED' },
    );
    await h.careEvent(cared);
    const after = await pendingOf(userId);
    expect(await summary(userId)).toEqual([
      'WATERING_REMINDER@2026-03-05T09:00',
      'MISTING_REMINDER@2026-03-07T09:00',
      'FERTILIZING_REMINDER@2026-03-20T09:00',
    ]);
    expect(new Set(after.map((n) => n.id))).toEqual(new Set(before.map((n) => n.id)));
    const fertilizing = after.find((n) => n.type === 'FERTILIZING_REMINDER');
    expect(fertilizing).toMatchObject({ userPlantId: fern, careItems: [`${fern}:FERTILIZE`] });
    expect(
      await h.db.plantTaskSchedule.findUnique({
        where: { userPlantId_task: { userPlantId: fern, task: 'FERTILIZE' } },
      }),
    ).toMatchObject({ reminderId: fertilizing?.id });
  });

  it('cancels a task’s reminder when the task is turned off, and every reminder when the plant is archived', async () => {
    const userId = randomUUID();
    const fern = randomUUID();
    await noDigest(userId);
    await plant(userId, fern, [
      { task: 'REPOT', dueAt: '2026-03-06T12:00:00Z' },
      { task: 'PRUNE', dueAt: '2026-03-06T12:00:00Z' },
    ]);
    expect(await summary(userId)).toHaveLength(3);

    await plant(userId, fern, [{ task: 'PRUNE', dueAt: '2026-03-06T12:00:00Z' }], { reason: 'CARE_CHANGED' });
    expect(await summary(userId)).toEqual(['WATERING_REMINDER@2026-03-05T09:00', 'PRUNING_REMINDER@2026-03-06T09:00']);
    const repot = await h.db.notification.findFirstOrThrow({ where: { userId, type: 'REPOTTING_REMINDER' } });
    expect(repot.status).toBe('CANCELLED');

    await plant(userId, fern, [], { nextWateringAt: null, reason: 'ARCHIVED' });
    expect(await summary(userId)).toEqual([]);
    expect(await h.db.plantTaskSchedule.count({ where: { userPlantId: fern } })).toBe(0);
  });

  it('leaves other tasks alone on an event from before care tasks, but an old archive event cancels them', async () => {
    const userId = randomUUID();
    const fern = randomUUID();
    await noDigest(userId);
    await plant(userId, fern, [{ task: 'ROTATE', dueAt: '2026-03-06T12:00:00Z' }]);
    await plant(userId, fern, undefined, { nextWateringAt: '2026-03-08T12:00:00Z', reason: 'WATERED' });
    expect(await summary(userId)).toEqual(['ROTATING_REMINDER@2026-03-06T09:00', 'WATERING_REMINDER@2026-03-08T09:00']);

    await plant(userId, fern, undefined, { nextWateringAt: null, reason: 'ARCHIVED' });
    expect(await summary(userId)).toEqual([]);
  });

  it('keeps the other tasks’ reminders when only watering is turned off', async () => {
    const userId = randomUUID();
    await noDigest(userId);
    const fern = randomUUID();
    await plant(userId, fern, [{ task: 'MIST', dueAt: '2026-03-06T12:00:00Z' }]);
    await plant(userId, fern, [{ task: 'MIST', dueAt: '2026-03-06T12:00:00Z' }], {
      nextWateringAt: null,
      reason: 'CARE_CHANGED',
    });
    expect(await summary(userId)).toEqual(['MISTING_REMINDER@2026-03-06T09:00']);
  });

  it('applies each type’s preferences: off, another hour, another channel', async () => {
    const userId = randomUUID();
    await noDigest(userId);
    const set = await h.as(userId, SET_PREFS, {
      input: {
        types: [
          { type: 'LEAF_CLEANING_REMINDER', enabled: false },
          { type: 'FERTILIZING_REMINDER', preferredHour: 18 },
        ],
      },
    });
    expect(set.errors).toBeUndefined();
    await plant(userId, randomUUID(), [
      { task: 'CLEAN_LEAVES', dueAt: '2026-03-06T12:00:00Z' },
      { task: 'FERTILIZE', dueAt: '2026-03-06T12:00:00Z' },
    ]);
    expect(await summary(userId)).toEqual([
      'WATERING_REMINDER@2026-03-05T09:00',
      'FERTILIZING_REMINDER@2026-03-06T18:00',
    ]);
    // Turned back on: the leaf-cleaning reminder is planned.
    await h.as(userId, SET_PREFS, { input: { types: [{ type: 'LEAF_CLEANING_REMINDER', enabled: true }] } });
    expect(await summary(userId)).toContain('LEAF_CLEANING_REMINDER@2026-03-06T09:00');
  });

  it('lists every task due together in one digest, and splits it when a task is done', async () => {
    const userId = randomUUID();
    const [monty, fern] = [randomUUID(), randomUUID()];
    await plant(userId, monty, [], { nickname: 'Monty' });
    await plant(userId, fern, [{ task: 'FERTILIZE', dueAt: '2026-03-05T12:00:00Z' }], { nickname: 'Fern' });
    const [digest, ...rest] = await pendingOf(userId);
    expect(rest).toEqual([]);
    expect(digest).toMatchObject({
      type: 'WATERING_REMINDER',
      title: '3 care tasks for your plants today',
      // Plants due at the same time are listed in a stable order (by id).
      body: monty < fern ? 'Water Monty and Fern, fertilize Fern.' : 'Water Fern and Monty, fertilize Fern.',
      userPlantId: null,
    });
    expect([...(digest?.userPlantIds ?? [])].sort()).toEqual([monty, fern].sort());

    await plant(userId, fern, [{ task: 'FERTILIZE', dueAt: '2026-03-25T12:00:00Z' }], {
      nickname: 'Fern',
      reason: 'CARED',
    });
    const [watering, fertilizing, ...none] = await pendingOf(userId);
    expect(none).toEqual([]);
    expect(watering).toMatchObject({
      title: '2 plants need water today',
      body: monty < fern ? 'Monty and Fern are due for watering.' : 'Fern and Monty are due for watering.',
    });
    expect(fertilizing).toMatchObject({ type: 'FERTILIZING_REMINDER', title: 'Fern needs fertilizer today' });
  });
});
