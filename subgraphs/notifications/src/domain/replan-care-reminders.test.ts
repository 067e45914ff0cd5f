/** The reminder engine end to end: care-schedule events on the bus → pending reminders in the database and the API. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';

const pendingFor = (h: Harness, userPlantId: string) =>
  h.db.notification.findMany({ where: { status: 'SCHEDULED', userPlantIds: { has: userPlantId } } });
const pendingOf = (h: Harness, userId: string) =>
  h.db.notification.findMany({
    where: { userId, status: 'SCHEDULED' },
    orderBy: [{ scheduledFor: 'asc' }, { id: 'asc' }],
  });
const iso = (d: Date) => d.toISOString();

const SET_PREFS = `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { digestEnabled } }`;

describe.each(testDatabaseKinds())('reminder engine (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind, { start: '2026-03-02T06:00:00Z' });
  });
  afterAll(async () => h?.stop());

  it('turns a care-schedule event into exactly one reminder at the preferred hour', async () => {
    const userId = randomUUID();
    const userPlantId = randomUUID();
    await h.careEvent({
      userId,
      userPlantId,
      nickname: 'Monty',
      nextWateringAt: '2026-03-05T15:00:00Z',
      reason: 'ADDED',
    });
    const [reminder, ...others] = await pendingFor(h, userPlantId);
    expect(others).toEqual([]);
    expect(reminder).toMatchObject({
      userId,
      type: 'WATERING_REMINDER',
      title: 'Monty needs water today',
      channels: ['IN_APP'],
      userPlantId,
    });
    expect(iso(reminder?.scheduledFor ?? new Date(0))).toBe('2026-03-05T09:00:00.000Z');

    const listed = await h.as<{
      notifications: { totalCount: number; edges: { node: { userPlant: { id: string } | null; status: string } }[] };
    }>(
      userId,
      `{ notifications(filter: { status: [SCHEDULED] }) { totalCount edges { node { status userPlant { id } } } } }`,
    );
    expect(listed.data?.notifications).toEqual({
      totalCount: 1,
      edges: [{ node: { status: 'SCHEDULED', userPlant: { id: userPlantId } } }],
    });
  });

  it('moves the pending reminder when the schedule moves, ignores replays and older events, cancels on archive', async () => {
    const userId = randomUUID();
    const userPlantId = randomUUID();
    const first = await h.careEvent({ userId, userPlantId, nextWateringAt: '2026-03-05T15:00:00Z', reason: 'ADDED' });
    const [before] = await pendingFor(h, userPlantId);
    const moved = await h.careEvent({ userId, userPlantId, nextWateringAt: '2026-03-08T15:00:00Z', reason: 'WATERED' });
    const after = await pendingFor(h, userPlantId);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(before?.id); // moved in place, not replaced
    expect(iso(after[0]?.scheduledFor ?? new Date(0))).toBe('2026-03-08T09:00:00.000Z');

    // A redelivered event and an older one that arrives late change nothing.
    await h.careEvent(moved);
    await h.careEvent(first);
    const replayed = await pendingFor(h, userPlantId);
    expect(replayed).toEqual(after);

    await h.careEvent({ userId, userPlantId, nextWateringAt: null, reason: 'ARCHIVED' });
    expect(await pendingFor(h, userPlantId)).toEqual([]);
    const cancelled = await h.db.notification.findUniqueOrThrow({ where: { id: before?.id ?? '' } });
    expect(cancelled.status).toBe('CANCELLED');
  });

  it('times reminders in the user’s zone and moves them out of quiet hours crossing midnight', async () => {
    const userId = randomUUID();
    await h.profileEvent({ userId, timezone: 'Asia/Tokyo' });
    const set = await h.as(userId, SET_PREFS, {
      input: { quietHours: { start: '22:00', end: '07:00' }, types: [{ type: 'WATERING_REMINDER', preferredHour: 6 }] },
    });
    expect(set.errors).toBeUndefined();
    await h.careEvent({ userId, userPlantId: randomUUID(), nextWateringAt: '2026-03-05T03:00:00Z' });
    const [reminder] = await pendingOf(h, userId);
    // Due on the 5th in Tokyo; 06:00 is inside 22:00–07:00, so 07:00 JST = 22:00 UTC the day before.
    expect(iso(reminder?.scheduledFor ?? new Date(0))).toBe('2026-03-04T22:00:00.000Z');
  });

  it('lists plants due together in one digest, and splits it when the digest is turned off', async () => {
    const userId = randomUUID();
    const plants = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, userPlantId] of plants.entries()) {
      await h.careEvent({
        userId,
        userPlantId,
        nickname: ['Monty', 'Fern', 'Pothos'][i],
        nextWateringAt: '2026-03-06T10:00:00Z',
      });
    }
    const [digest, ...rest] = await pendingOf(h, userId);
    expect(rest).toEqual([]);
    expect(digest).toMatchObject({ title: '3 plants need water today', userPlantId: null });
    expect([...(digest?.userPlantIds ?? [])].sort()).toEqual([...plants].sort());
    for (const p of plants) expect(await pendingFor(h, p)).toHaveLength(1);

    await h.as(userId, SET_PREFS, { input: { digestEnabled: false } });
    const singles = await pendingOf(h, userId);
    expect(singles.map((n) => n.userPlantIds.length)).toEqual([1, 1, 1]);
    expect((await h.db.notification.findUniqueOrThrow({ where: { id: digest?.id ?? '' } })).status).toBe('CANCELLED');
  });

  it('sends at most 3 reminders an hour: without a digest, the rest move to the next hour', async () => {
    const userId = randomUUID();
    await h.as(userId, SET_PREFS, { input: { digestEnabled: false } });
    for (let i = 0; i < 5; i++)
      await h.careEvent({ userId, userPlantId: randomUUID(), nextWateringAt: '2026-03-07T12:00:00Z' });
    const times = (await pendingOf(h, userId)).map((n) => n.scheduledFor.toISOString());
    expect(times).toEqual([...Array(3).fill('2026-03-07T09:00:00.000Z'), ...Array(2).fill('2026-03-07T10:00:00.000Z')]);
  });

  it('does not plan a sent or user-cancelled reminder again until the schedule moves', async () => {
    const userId = randomUUID();
    const monty = randomUUID();
    const fern = randomUUID();
    await h.careEvent({ userId, userPlantId: monty, nextWateringAt: '2026-03-01T12:00:00Z' }); // overdue: goes out now
    await h.careEvent({ userId, userPlantId: fern, nextWateringAt: '2026-03-09T12:00:00Z' });
    await h.service.dispatcher.runOnce();
    const sent = await h.db.notification.findFirstOrThrow({ where: { userPlantIds: { has: monty } } });
    expect(sent.status).toBe('SENT');

    const [fernReminder] = await pendingFor(h, fern);
    const cancel = await h.as(userId, `mutation($id: ID!) { cancelNotification(id: $id) { status } }`, {
      id: fernReminder?.id,
    });
    expect(cancel.data).toEqual({ cancelNotification: { status: 'CANCELLED' } });

    // Another plant's event re-plans the user: neither Monty (sent) nor Fern (cancelled by the user) comes back.
    await h.careEvent({ userId, userPlantId: randomUUID(), nextWateringAt: '2026-03-12T12:00:00Z' });
    expect(await pendingFor(h, monty)).toEqual([]);
    expect(await pendingFor(h, fern)).toEqual([]);

    // Watering Monty moves its schedule: a new reminder for the new due date.
    await h.careEvent({ userId, userPlantId: monty, nextWateringAt: '2026-03-10T12:00:00Z', reason: 'WATERED' });
    expect(await pendingFor(h, monty)).toHaveLength(1);
  });

  it('cancels pending reminders when the user turns notifications off, and plans them again when back on', async () => {
    const userId = randomUUID();
    const plant = randomUUID();
    await h.careEvent({ userId, userPlantId: plant, nextWateringAt: '2026-03-09T12:00:00Z' });
    await h.profileEvent({ userId, notificationsEnabled: false });
    expect(await pendingFor(h, plant)).toEqual([]);
    await h.profileEvent({ userId, notificationsEnabled: true });
    expect(await pendingFor(h, plant)).toHaveLength(1);
  });

  it('drops malformed events instead of failing on them forever', async () => {
    await h.careEvent({ userId: 'not-a-uuid', userPlantId: randomUUID(), nextWateringAt: '2026-03-09T12:00:00Z' });
    expect(await h.db.plantSchedule.count({ where: { nickname: 'never' } })).toBe(0);
  });
});
