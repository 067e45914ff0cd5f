/**
 * What a web app's normalized cache relies on: preferences with a stable id, markAllNotificationsRead returning what
 * changed (the notifications and the user's new unread count), and a default list that is an inbox.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';

const SCHEDULE = `mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }`;
const CANCEL = `mutation($id: ID!) { cancelNotification(id: $id) { id status } }`;
const OPEN = `mutation($id: ID!) { markNotificationOpened(id: $id) { id } }`;
const MARK_ALL = `mutation { markAllNotificationsRead { updatedCount
  notifications { id status unread openedAt } user { id unreadNotificationCount } } }`;
const LIST = `query($filter: NotificationFilter) { notifications(filter: $filter, first: 50) {
  totalCount unreadCount edges { node { title status } } } }`;

interface MarkAll {
  markAllNotificationsRead: {
    updatedCount: number;
    notifications: { id: string; status: string; unread: boolean; openedAt: string | null }[];
    user: { id: string; unreadNotificationCount: number };
  };
}
interface List {
  notifications: { totalCount: number; unreadCount: number; edges: { node: { title: string; status: string } }[] };
}

describe.each(testDatabaseKinds())('the API as a frontend caches it (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.stop());

  const inMinutes = (m: number) => new Date(h.clock.now().getTime() + m * 60_000).toISOString();

  async function schedule(userId: string, title: string, at: string): Promise<string> {
    const res = await h.as<{ scheduleNotification: { id: string } }>(userId, SCHEDULE, {
      input: { type: 'CARE_TIP', title, body: 'Body', scheduledFor: at },
    });
    expect(res.errors).toBeUndefined();
    return res.data?.scheduleNotification.id ?? '';
  }

  /** Notifications delivered to `userId` now (scheduled a minute ahead, clock moved, dispatched). */
  async function delivered(userId: string, ...titles: string[]): Promise<string[]> {
    const at = inMinutes(1);
    const ids = [];
    for (const title of titles) ids.push(await schedule(userId, title, at));
    h.clock.set(at);
    await h.service.dispatcher.runOnce();
    return ids;
  }

  it('gives the preferences a stable id, the same in every answer that returns them', async () => {
    const userId = randomUUID();
    const read = await h.as<{ notificationPreferences: { id: string } }>(userId, `{ notificationPreferences { id } }`);
    expect(read.data?.notificationPreferences.id).toBe(userId);
    const updated = await h.as<{ updateNotificationPreferences: { id: string; digestEnabled: boolean } }>(
      userId,
      `mutation { updateNotificationPreferences(input: { digestEnabled: false }) { id digestEnabled } }`,
    );
    expect(updated.data?.updateNotificationPreferences).toEqual({ id: userId, digestEnabled: false });
    const paused = await h.as<{ pauseNotifications: { id: string } }>(
      userId,
      `mutation($u: DateTime!) { pauseNotifications(until: $u) { id } }`,
      { u: inMinutes(60) },
    );
    expect(paused.data?.pauseNotifications.id).toBe(userId);
    const resumed = await h.as<{ resumeNotifications: { id: string } }>(
      userId,
      `mutation { resumeNotifications { id } }`,
    );
    expect(resumed.data?.resumeNotifications.id).toBe(userId);
  });

  it('marks every unread notification read at once and returns them with the new unread count', async () => {
    const userId = randomUUID();
    const other = randomUUID();
    const [a, b, c] = await delivered(userId, 'a', 'b', 'c');
    const [foreign] = await delivered(other, 'theirs');
    await h.as(userId, OPEN, { id: a });
    const later = await schedule(userId, 'later', inMinutes(60));

    const res = await h.as<MarkAll>(userId, MARK_ALL);
    expect(res.errors).toBeUndefined();
    const payload = res.data?.markAllNotificationsRead;
    expect(payload?.updatedCount).toBe(2);
    expect(payload?.notifications.map((n) => n.id).sort()).toEqual([b, c].sort());
    expect(payload?.notifications.every((n) => n.status === 'OPENED' && !n.unread && n.openedAt)).toBe(true);
    expect(payload?.user).toEqual({ id: userId, unreadNotificationCount: 0 });

    // Someone else's stay unread; a scheduled one is not touched; repeating it changes nothing.
    const theirs = await h.as<{ notification: { unread: boolean } }>(
      other,
      `{ notification(id: "${foreign}") { unread } }`,
    );
    expect(theirs.data?.notification.unread).toBe(true);
    const pending = await h.as<{ notification: { status: string } }>(
      userId,
      `{ notification(id: "${later}") { status } }`,
    );
    expect(pending.data?.notification.status).toBe('SCHEDULED');
    const again = await h.as<MarkAll>(userId, MARK_ALL);
    expect(again.data?.markAllNotificationsRead).toMatchObject({ updatedCount: 0, notifications: [] });
  });

  it('lists an inbox by default: no cancelled ones, no scheduled ones before their time; a status filter shows them', async () => {
    const userId = randomUUID();
    const superseded = await schedule(userId, 'superseded', inMinutes(30));
    await h.as(userId, CANCEL, { id: superseded });
    await schedule(userId, 'tomorrow', inMinutes(24 * 60));
    await delivered(userId, 'delivered');

    const inbox = (await h.as<List>(userId, LIST)).data?.notifications;
    expect(inbox?.edges.map((e) => e.node.title)).toEqual(['delivered']);
    expect(inbox).toMatchObject({ totalCount: 1, unreadCount: 1 });
    // The unread filter keeps the inbox rule; an explicit status filter lists exactly what it names.
    const readOnes = (await h.as<List>(userId, LIST, { filter: { unread: false } })).data?.notifications;
    expect(readOnes?.totalCount).toBe(0);
    const cancelled = (await h.as<List>(userId, LIST, { filter: { status: ['CANCELLED'] } })).data?.notifications;
    expect(cancelled?.edges.map((e) => e.node.title)).toEqual(['superseded']);
    const scheduled = (await h.as<List>(userId, LIST, { filter: { status: ['SCHEDULED'] } })).data?.notifications;
    expect(scheduled?.edges.map((e) => e.node.title)).toEqual(['tomorrow']);

    // Once its time has come the scheduled one belongs to the inbox, even before the dispatcher has run.
    h.clock.set(inMinutes(24 * 60 + 1));
    const due = (await h.as<List>(userId, LIST)).data?.notifications;
    expect(due?.edges.map((e) => e.node.title)).toEqual(['tomorrow', 'delivered']);
  });
});
