/** The GraphQL API as a client sees it: ownership, lifecycle rules, listing, preferences and analytics. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, routerGql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { NOTIFICATION_FIELDS, startHarness, type Harness } from '../testing/harness.js';

interface Note {
  id: string;
  status: string;
  unread: boolean;
  action: string | null;
  openedAt: string | null;
}
const SCHEDULE = `mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { ${NOTIFICATION_FIELDS} } }`;
const ONE = `query($id: ID!) { notification(id: $id) { ${NOTIFICATION_FIELDS} } }`;
const ACT = (field: string, extra = '') =>
  `mutation($id: ID!${extra ? ', $action: String!' : ''}) { ${field}(id: $id${extra}) { ${NOTIFICATION_FIELDS} } }`;

describe.each(testDatabaseKinds())('notifications API (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.stop());

  /** A notification delivered to `userId` (scheduled a minute ahead, clock moved, dispatched). */
  async function delivered(userId: string, title = 'Hello'): Promise<string> {
    const at = new Date(h.clock.now().getTime() + 60_000).toISOString();
    const created = await h.as<{ scheduleNotification: Note }>(userId, SCHEDULE, {
      input: { type: 'CARE_TIP', title, body: 'Body', scheduledFor: at },
    });
    expect(created.errors).toBeUndefined();
    h.clock.set(at);
    await h.service.dispatcher.runOnce();
    return created.data?.scheduleNotification.id ?? '';
  }

  it('shows and changes a notification only for its recipient: anyone else gets NOT_FOUND', async () => {
    const alice = randomUUID();
    const mallory = randomUUID();
    const id = await delivered(alice);
    expect((await h.as<{ notification: Note }>(alice, ONE, { id })).data?.notification).toMatchObject({
      id,
      status: 'SENT',
      unread: true,
    });
    expect(errorCode(await h.as(mallory, ONE, { id }))).toBe('NOT_FOUND');
    expect(errorCode(await h.as(mallory, ONE, { id: 'not-an-id' }))).toBe('NOT_FOUND');
    for (const field of ['markNotificationOpened', 'dismissNotification', 'cancelNotification']) {
      expect(errorCode(await h.as(mallory, ACT(field), { id })), field).toBe('NOT_FOUND');
    }
    expect(
      errorCode(await h.as(mallory, ACT('markNotificationActed', ', action: $action'), { id, action: 'WATERED' })),
    ).toBe('NOT_FOUND');
    const list = await h.as<{ notifications: { totalCount: number } }>(mallory, `{ notifications { totalCount } }`);
    expect(list.data?.notifications.totalCount).toBe(0);
    expect((await h.as<{ notification: Note }>(alice, ONE, { id })).data?.notification.status).toBe('SENT'); // untouched
  });

  it('refuses moves the lifecycle forbids with CONFLICT and changes nothing', async () => {
    const userId = randomUUID();
    const at = new Date(h.clock.now().getTime() + 3_600_000).toISOString();
    const scheduled = (
      await h.as<{ scheduleNotification: Note }>(userId, SCHEDULE, {
        input: { type: 'SYSTEM', title: 'Later', body: '', scheduledFor: at },
      })
    ).data?.scheduleNotification.id;
    const opened = await h.as(userId, ACT('markNotificationOpened'), { id: scheduled });
    expect(errorCode(opened)).toBe('CONFLICT');
    expect(opened.errors?.[0]?.message).toBe('This notification cannot be marked opened: it has not been sent yet');
    expect(errorCode(await h.as(userId, ACT('dismissNotification'), { id: scheduled }))).toBe('CONFLICT');
    expect((await h.as<{ notification: Note }>(userId, ONE, { id: scheduled })).data?.notification).toMatchObject({
      status: 'SCHEDULED',
      openedAt: null,
    });

    const sent = await delivered(userId);
    const cancel = await h.as(userId, ACT('cancelNotification'), { id: sent });
    expect(errorCode(cancel)).toBe('CONFLICT');
    expect(cancel.errors?.[0]?.message).toMatch(/already sent/);
    const acted = await h.as<{ markNotificationActed: Note }>(
      userId,
      ACT('markNotificationActed', ', action: $action'),
      { id: sent, action: 'WATERED' },
    );
    expect(acted.data?.markNotificationActed).toMatchObject({ status: 'ACTED', action: 'WATERED', unread: false });
    expect(acted.data?.markNotificationActed.openedAt).not.toBeNull();
    const again = await h.as(userId, ACT('markNotificationActed', ', action: $action'), { id: sent, action: 'MISTED' });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(errorCode(await h.as(userId, ACT('markNotificationOpened'), { id: sent }))).toBe('CONFLICT');
    expect((await h.as<{ notification: Note }>(userId, ONE, { id: sent })).data?.notification).toMatchObject({
      status: 'ACTED',
      action: 'WATERED',
    });
    const blank = await h.as(userId, ACT('markNotificationActed', ', action: $action'), { id: sent, action: '  ' });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'action' });

    const dismissed = await h.as<{ dismissNotification: Note }>(userId, ACT('dismissNotification'), { id: sent });
    expect(dismissed.data?.dismissNotification.status).toBe('DISMISSED');
    const cancelled = await h.as<{ cancelNotification: Note }>(userId, ACT('cancelNotification'), { id: scheduled });
    expect(cancelled.data?.cancelNotification.status).toBe('CANCELLED');
    // Repeating open/dismiss/cancel is harmless.
    expect(
      (await h.as<{ cancelNotification: Note }>(userId, ACT('cancelNotification'), { id: scheduled })).data
        ?.cancelNotification.status,
    ).toBe('CANCELLED');
  });

  it('lists newest first with counts, filters and cursors', async () => {
    const userId = randomUUID();
    const ids = [await delivered(userId, 'one'), await delivered(userId, 'two'), await delivered(userId, 'three')];
    await h.as(userId, ACT('markNotificationOpened'), { id: ids[0] });
    const LIST = `query($first: Int, $after: String, $filter: NotificationFilter) {
      notifications(first: $first, after: $after, filter: $filter) { totalCount unreadCount
        edges { cursor node { id title } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    type Page = {
      notifications: {
        totalCount: number;
        unreadCount: number;
        edges: { node: { id: string; title: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const page1 = (await h.as<Page>(userId, LIST, { first: 2 })).data?.notifications;
    expect(page1).toMatchObject({ totalCount: 3, unreadCount: 2, pageInfo: { hasNextPage: true } });
    expect(page1?.edges.map((e) => e.node.title)).toEqual(['three', 'two']);
    const page2 = (await h.as<Page>(userId, LIST, { first: 2, after: page1?.pageInfo.endCursor })).data?.notifications;
    expect(page2?.edges.map((e) => e.node.title)).toEqual(['one']);
    expect(page2?.pageInfo.hasNextPage).toBe(false);
    const unread = (await h.as<Page>(userId, LIST, { filter: { unread: true } })).data?.notifications;
    expect(unread?.edges.map((e) => e.node.title)).toEqual(['three', 'two']);
    expect((await h.as<Page>(userId, LIST, { filter: { type: ['SYSTEM'] } })).data?.notifications.totalCount).toBe(0);
    const bad = await h.as(userId, LIST, { first: 500 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await h.as(userId, LIST, { after: 'garbage' })).errors?.[0]?.extensions).toMatchObject({ field: 'after' });
  });

  it('validates what users schedule', async () => {
    const userId = randomUUID();
    const past = new Date(h.clock.now().getTime() - 1_000).toISOString();
    const future = new Date(h.clock.now().getTime() + 60_000).toISOString();
    const input = { type: 'CARE_TIP', title: 'Tip', body: 'Body', scheduledFor: future };
    expect(
      (await h.as(userId, SCHEDULE, { input: { ...input, scheduledFor: past } })).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scheduledFor' });
    expect(
      (await h.as(userId, SCHEDULE, { input: { ...input, channels: ['WEBHOOK'] } })).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channels' });
    expect(
      (await h.as(userId, SCHEDULE, { input: { ...input, channels: ['EMAIL'] } })).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect((await h.as(userId, SCHEDULE, { input: { ...input, priority: 11 } })).errors?.[0]?.extensions).toMatchObject(
      { field: 'input.priority' },
    );
    expect(
      (await h.as(userId, SCHEDULE, { input: { ...input, title: 'x'.repeat(256) } })).errors?.[0]?.extensions,
    ).toMatchObject({ field: 'input.title' });
    const ok = await h.as<{ scheduleNotification: Note }>(userId, SCHEDULE, { input });
    expect(ok.data?.scheduleNotification.status).toBe('SCHEDULED');
  });

  it('reads and changes preferences, naming the offending field', async () => {
    const userId = randomUUID();
    const PREFS = `{ notificationPreferences { digestEnabled pausedUntil webhookUrl timezone availableChannels quietHours { start end }
      types { type enabled channels preferredHour } } }`;
    const defaults = (
      await h.as<{ notificationPreferences: Record<string, unknown> & { types: unknown[] } }>(userId, PREFS)
    ).data?.notificationPreferences;
    expect(defaults).toMatchObject({
      digestEnabled: true,
      pausedUntil: null,
      webhookUrl: null,
      timezone: 'UTC',
      availableChannels: ['IN_APP'],
      quietHours: null,
    });
    expect(defaults?.types).toContainEqual({
      type: 'WATERING_REMINDER',
      enabled: true,
      channels: ['IN_APP'],
      preferredHour: 9,
    });

    const UPDATE = `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) {
      digestEnabled webhookUrl availableChannels quietHours { start end } types { type channels preferredHour } } }`;
    const field = async (input: object) => (await h.as(userId, UPDATE, { input })).errors?.[0]?.extensions?.field;
    expect(await field({ quietHours: { start: '25:00', end: '07:00' } })).toBe('input.quietHours.start');
    expect(await field({ types: [{ type: 'CARE_TIP', preferredHour: 24 }] })).toBe('input.types[0].preferredHour');
    expect(await field({ types: [{ type: 'CARE_TIP', channels: ['WEBHOOK'] }] })).toBe('input.types[0].channels');
    expect(await field({ webhookUrl: 'https://hooks.example.com/x' })).toBe('input.webhookSecret');
    expect(await field({ webhookUrl: 'ftp://hooks.example.com/x', webhookSecret: 'x'.repeat(16) })).toBe(
      'input.webhookUrl',
    );

    const updated = await h.as<{ updateNotificationPreferences: Record<string, unknown> }>(userId, UPDATE, {
      input: {
        digestEnabled: false,
        quietHours: { start: '22:00', end: '7:00' },
        webhookUrl: 'https://hooks.example.com/x',
        webhookSecret: 'x'.repeat(16),
        types: [{ type: 'CARE_TIP', channels: ['IN_APP', 'WEBHOOK'], preferredHour: 18 }],
      },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateNotificationPreferences).toMatchObject({
      digestEnabled: false,
      webhookUrl: 'https://hooks.example.com/x',
      availableChannels: ['IN_APP', 'WEBHOOK'],
      quietHours: { start: '22:00', end: '07:00' },
    });
    expect(await field({ webhookUrl: null })).toBe('input.webhookUrl'); // CARE_TIP still uses it
    const pause = async (until: string) =>
      (await h.as(userId, `mutation($u: DateTime!) { pauseNotifications(until: $u) { pausedUntil } }`, { u: until }))
        .errors?.[0]?.extensions;
    expect(await pause(new Date(h.clock.now().getTime() - 1).toISOString())).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'until',
    });
  });

  it('counts by status, type and channel, with open and action rates', async () => {
    const userId = randomUUID();
    const [a, b] = [await delivered(userId), await delivered(userId)];
    await delivered(userId);
    await h.as(userId, ACT('markNotificationOpened'), { id: a });
    await h.as(userId, ACT('markNotificationActed', ', action: $action'), { id: b, action: 'DONE' });
    const res = await h.as<{ notificationAnalytics: Record<string, unknown> }>(
      userId,
      `{ notificationAnalytics(periodDays: 7) {
      periodDays total openRate actionRate byStatus { status count } byType { type count } byChannel { channel count } } }`,
    );
    expect(res.data?.notificationAnalytics).toMatchObject({
      periodDays: 7,
      total: 3,
      openRate: 0.6667,
      actionRate: 0.3333,
      byType: [{ type: 'CARE_TIP', count: 3 }],
      byChannel: [{ channel: 'IN_APP', count: 3 }],
    });
    expect(res.data?.notificationAnalytics.byStatus).toEqual(
      expect.arrayContaining([
        { status: 'SENT', count: 1 },
        { status: 'OPENED', count: 1 },
        { status: 'ACTED', count: 1 },
      ]),
    );
    expect(errorCode(await h.as(userId, `{ notificationAnalytics(periodDays: 0) { total } }`))).toBe('BAD_USER_INPUT');
  });

  it('requires credentials, and the notifications scopes for API keys', async () => {
    expect(errorCode(await routerGql(h.service, `{ notifications { totalCount } }`))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await routerGql(h.service, `{ notifications { totalCount } }`, {}, { authorization: 'Bearer nope' })),
    ).toBe('UNAUTHENTICATED');
    const userId = randomUUID();
    h.auth.addApiKey('bzk_readonly', {
      active: true,
      userId,
      role: 'USER',
      apiKeyId: randomUUID(),
      scopes: ['notifications:read'],
    });
    const headers = { authorization: 'Bearer bzk_readonly' };
    expect((await routerGql(h.service, `{ notifications { totalCount } }`, {}, headers)).errors).toBeUndefined();
    expect(errorCode(await routerGql(h.service, `mutation { resumeNotifications { pausedUntil } }`, {}, headers))).toBe(
      'FORBIDDEN',
    );
  });

  it('resolves federation references: unread count for the user themself only, notifications for their recipient only', async () => {
    const alice = randomUUID();
    const id = await delivered(alice);
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on User { id unreadNotificationCount } ... on Notification { id title recipient { id } } } }`;
    const reps = {
      r: [
        { __typename: 'User', id: alice },
        { __typename: 'Notification', id },
      ],
    };
    const own = await h.as<{ _entities: unknown[] }>(alice, ENTITIES, reps);
    expect(own.data?._entities).toEqual([
      { id: alice, unreadNotificationCount: 1 },
      { id, title: 'Hello', recipient: { id: alice } },
    ]);
    const other = await h.as<{ _entities: unknown[] }>(randomUUID(), ENTITIES, reps);
    expect(other.data?._entities).toEqual([{ id: alice, unreadNotificationCount: null }, null]);
  });
});
