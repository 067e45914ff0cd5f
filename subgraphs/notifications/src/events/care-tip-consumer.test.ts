/** Seasonal care tips, end to end: care-tip events on the bus → exactly one CARE_TIP per tip, delivered as planned. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARE_TIP_STREAM, type CareTipEvent } from '@bloomzy/shared/messaging/topics';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';

const SET_PREFS = `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { digestEnabled } }`;

describe.each(testDatabaseKinds())('care tips (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind, { start: '2026-03-02T06:00:00Z' });
  });
  afterAll(async () => h?.stop());

  const tipEvent = (userId: string, extra: Partial<CareTipEvent> = {}): CareTipEvent => ({
    eventId: randomUUID(),
    tipKey: `${userId}:SPRING:2026`,
    userId,
    season: 'SPRING',
    title: 'Spring is here: 2 of your plants need more water',
    body: 'Monty: water every 7 days instead of 10.\nFern: fertilizing resumes.',
    seasonStartedAt: '2026-03-20T00:00:00Z',
    ...extra,
  });
  const publish = async (event: CareTipEvent) => {
    await h.coordination.events.publish(CARE_TIP_STREAM, event);
    await h.settle();
  };
  const tipsOf = (userId: string) => h.db.notification.findMany({ where: { userId, type: 'CARE_TIP' } });

  it('creates exactly one tip per tipKey, however often the event comes', async () => {
    const userId = randomUUID();
    const event = tipEvent(userId);
    await publish(event);
    await publish(event); // redelivered
    await publish({ ...event, eventId: randomUUID(), title: 'Spring, again' }); // republished
    const [tip, ...more] = await tipsOf(userId);
    expect(more).toEqual([]);
    expect(tip).toMatchObject({
      status: 'SCHEDULED',
      title: event.title,
      body: event.body,
      channels: ['IN_APP'],
      userPlantIds: [],
      dedupeKey: `care-tip:${event.tipKey}`,
    });
    // The season's first day at the default preferred hour, 09:00 UTC.
    expect(tip?.scheduledFor.toISOString()).toBe('2026-03-20T09:00:00.000Z');

    // Next season's tip is a new one.
    await publish(tipEvent(userId, { tipKey: `${userId}:SUMMER:2026`, season: 'SUMMER' }));
    expect(await tipsOf(userId)).toHaveLength(2);
  });

  it('goes out at the user’s preferred local hour for tips, out of quiet hours, and is delivered', async () => {
    const userId = randomUUID();
    await h.profileEvent({ userId, timezone: 'Australia/Sydney', hemisphere: 'SOUTHERN' });
    const set = await h.as(userId, SET_PREFS, {
      input: { quietHours: { start: '21:00', end: '08:30' }, types: [{ type: 'CARE_TIP', preferredHour: 8 }] },
    });
    expect(set.errors).toBeUndefined();
    // Autumn started at local midnight on 1 March in Sydney (AEDT, UTC+11), a day before the harness's now.
    await publish(tipEvent(userId, { season: 'AUTUMN', seasonStartedAt: '2026-02-28T13:00:00Z' }));
    const [tip] = await tipsOf(userId);
    // Overdue, so now (06:00 UTC = 17:00 in Sydney), which is outside the quiet hours.
    expect(tip?.scheduledFor.toISOString()).toBe('2026-03-02T06:00:00.000Z');
    await h.service.dispatcher.runOnce();
    const listed = await h.as<{ notifications: { edges: { node: { type: string; status: string } }[] } }>(
      userId,
      `{ notifications(filter: { type: [CARE_TIP] }) { edges { node { type status } } } }`,
    );
    expect(listed.data?.notifications.edges).toEqual([{ node: { type: 'CARE_TIP', status: 'SENT' } }]);

    // A later tip waits for 08:00 local, then for the end of the quiet hours (08:30 local = 21:30 UTC the day before).
    await publish(tipEvent(userId, { tipKey: `${userId}:WINTER:2026`, seasonStartedAt: '2026-05-31T14:00:00Z' }));
    const winter = (await tipsOf(userId)).find((n) => n.status === 'SCHEDULED');
    expect(winter?.scheduledFor.toISOString()).toBe('2026-05-31T22:30:00.000Z');
  });

  it('sends no tip to a user who turned tips off', async () => {
    const userId = randomUUID();
    const set = await h.as(userId, SET_PREFS, { input: { types: [{ type: 'CARE_TIP', enabled: false }] } });
    expect(set.errors).toBeUndefined();
    await publish(tipEvent(userId));
    expect(await tipsOf(userId)).toEqual([]);
  });
});
