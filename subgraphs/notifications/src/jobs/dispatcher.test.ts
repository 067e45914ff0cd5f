/** The dispatcher against a real database: due work goes out once, every attempt is logged, webhooks are signed and retried. */
import { createHmac, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { loadSettings } from '../domain/user-settings.js';
import { useDispatchSuite } from '../testing/dispatch-suite.js';
import { claimDue, completeRound, leaseMsFor, releaseClaims } from './claims.js';
import { deliverOne } from './deliver-one.js';

const SECRET = 'a-very-secret-signing-key';
const SCHEDULE = `mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id status } }`;
const TEST = `mutation($channels: [NotificationChannel!]) { sendTestNotification(channels: $channels) { id status } }`;

describe.each(testDatabaseKinds())('dispatcher (%s)', (kind) => {
  const suite = useDispatchSuite(kind);

  const attemptsOf = (id: string) =>
    suite.h.db.deliveryAttempt.findMany({
      where: { notificationId: id },
      orderBy: [{ attempt: 'asc' }, { channel: 'asc' }],
    });
  const row = (id: string) => suite.h.db.notification.findUniqueOrThrow({ where: { id } });
  const withWebhook = async (userId: string, channels = ['WEBHOOK']) => {
    const set = await suite.h.as(
      userId,
      `mutation($input: NotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { webhookUrl } }`,
      {
        input: { webhookUrl: suite.hook.url, webhookSecret: SECRET, types: [{ type: 'SYSTEM', channels }] },
      },
    );
    expect(set.errors).toBeUndefined();
  };

  it('sends nothing early, then sends what is due and logs the IN_APP delivery', async () => {
    const userId = randomUUID();
    const at = new Date(suite.h.clock.now().getTime() + 3_600_000).toISOString();
    const created = await suite.h.as<{ scheduleNotification: { id: string } }>(userId, SCHEDULE, {
      input: { type: 'CARE_TIP', title: 'Mist the fern', body: 'It likes humidity.', scheduledFor: at },
    });
    const id = created.data?.scheduleNotification.id ?? '';
    await suite.h.service.dispatcher.runOnce();
    expect((await row(id)).status).toBe('SCHEDULED');

    suite.h.clock.set(at);
    await suite.h.service.dispatcher.runOnce();
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'SENT', sentAt: new Date(at), dispatchAt: null, claimedBy: null });
    expect(await attemptsOf(id)).toMatchObject([
      { channel: 'IN_APP', attempt: 1, outcome: 'SUCCEEDED', httpStatus: null },
    ]);
    await suite.h.service.dispatcher.runOnce();
    expect(await attemptsOf(id)).toHaveLength(1); // sent once, not again
  });

  it('POSTs a signed webhook, retries a 500 after 1 s and records both attempts', async () => {
    const userId = randomUUID();
    await withWebhook(userId);
    suite.hook.respondWith(500);
    const before = suite.hook.received.length;
    const test = await suite.h.as<{ sendTestNotification: { id: string } }>(userId, TEST, { channels: ['WEBHOOK'] });
    const id = test.data?.sendTestNotification.id ?? '';

    await suite.h.service.dispatcher.runOnce();
    expect(await row(id)).toMatchObject({ status: 'SCHEDULED', pendingChannels: ['WEBHOOK'] });
    await suite.h.service.dispatcher.runOnce(); // the retry waits for its backoff, not for the next tick
    expect(suite.hook.received.length).toBe(before + 1);

    suite.h.clock.advance(1_000);
    await suite.h.service.dispatcher.runOnce();
    expect(await row(id)).toMatchObject({ status: 'SENT', pendingChannels: [], dispatchAt: null });
    expect(await attemptsOf(id)).toMatchObject([
      { channel: 'WEBHOOK', attempt: 1, outcome: 'FAILED', httpStatus: 500 },
      { channel: 'WEBHOOK', attempt: 2, outcome: 'SUCCEEDED', httpStatus: 200 },
    ]);

    const [first, second] = suite.hook.received.slice(before);
    for (const request of [first, second]) {
      const timestamp = String(request?.headers['x-bloomzy-timestamp']);
      const expected = createHmac('sha256', SECRET).update(`${timestamp}.${request?.body}`).digest('hex');
      expect(request?.headers['x-bloomzy-signature']).toBe(`sha256=${expected}`);
      expect(request?.headers['x-bloomzy-delivery']).toBe(id);
      expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ id, type: 'SYSTEM', title: 'Test notification' });
    }
    expect([first, second].map((r) => r?.headers['x-bloomzy-attempt'])).toEqual(['1', '2']);
  });

  it('delivers in-app even when the webhook refuses for good, and does not retry a 4xx', async () => {
    const userId = randomUUID();
    await withWebhook(userId, ['IN_APP', 'WEBHOOK']);
    suite.hook.respondWith(410);
    const test = await suite.h.as<{ sendTestNotification: { id: string } }>(userId, TEST, {});
    const id = test.data?.sendTestNotification.id ?? '';
    await suite.h.service.dispatcher.runOnce();
    suite.h.clock.advance(60_000);
    await suite.h.service.dispatcher.runOnce();
    expect(await row(id)).toMatchObject({ status: 'SENT', dispatchAt: null, lastError: 'Webhook answered HTTP 410' });
    expect((await attemptsOf(id)).map((a) => [a.channel, a.outcome])).toEqual([
      ['IN_APP', 'SUCCEEDED'],
      ['WEBHOOK', 'FAILED'],
    ]);
  });

  it('does not POST the webhook of a notification its recipient cancelled while it was claimed ahead', async () => {
    const userId = randomUUID();
    await withWebhook(userId, ['IN_APP', 'WEBHOOK']);
    const at = new Date(suite.h.clock.now().getTime() + 3_600_000);
    const created = await suite.h.as<{ scheduleNotification: { id: string } }>(userId, SCHEDULE, {
      input: { type: 'SYSTEM', title: 'Ahead', body: 'Claimed before it is due.', scheduledFor: at.toISOString() },
    });
    const id = created.data?.scheduleNotification.id ?? '';
    // Claimed the way the dispatcher's look-ahead does (due later than now), by a claim of this test's own.
    const token = `test:${randomUUID()}`;
    const all = await claimDue(suite.h.db, { now: suite.h.clock.now(), dueBy: at, token, leaseMs: 60_000, limit: 100 });
    const claimed = all.find((n) => n.id === id);
    // Other tests' work due meanwhile is given back untouched.
    const others = all.filter((n) => n.id !== id).map((n) => n.id);
    await releaseClaims(suite.h.db, token, others);
    expect(claimed?.id).toBe(id);
    const cancel = await suite.h.as<{ cancelNotification: { status: string } }>(
      userId,
      'mutation($id: ID!) { cancelNotification(id: $id) { status } }',
      { id },
    );
    expect(cancel.data?.cancelNotification.status).toBe('CANCELLED');

    const before = suite.hook.received.length;
    suite.h.clock.set(at.toISOString());
    const settings = (await loadSettings(suite.h.db, [userId])).get(userId);
    const sent = await deliverOne(suite.h.service.runtime, fetch, claimed!, settings!, token);
    expect(sent).toBeNull();
    expect(suite.hook.received.length).toBe(before);
    expect(await row(id)).toMatchObject({ status: 'CANCELLED', sentAt: null });
    expect(await attemptsOf(id)).toEqual([]);
  });

  it('gives up after 4 webhook attempts (1 s, 4 s, 16 s apart) and marks the notification FAILED', async () => {
    const userId = randomUUID();
    await withWebhook(userId);
    suite.hook.respondWith(503, 503, 503, 503);
    const test = await suite.h.as<{ sendTestNotification: { id: string } }>(userId, TEST, { channels: ['WEBHOOK'] });
    const id = test.data?.sendTestNotification.id ?? '';
    for (const wait of [0, 1_000, 4_000, 16_000]) {
      suite.h.clock.advance(wait);
      await suite.h.service.dispatcher.runOnce();
    }
    expect(await row(id)).toMatchObject({ status: 'FAILED', dispatchAt: null });
    expect((await attemptsOf(id)).map((a) => a.httpStatus)).toEqual([503, 503, 503, 503]);
  });

  it('retakes the claims of a crashed instance after the lease, sends them once, and refuses the late instance', async () => {
    const userId = randomUUID();
    const test = await suite.h.as<{ sendTestNotification: { id: string } }>(userId, TEST, {});
    const id = test.data?.sendTestNotification.id ?? '';
    const leaseMs = leaseMsFor(2_000);
    const [claimed] = await claimDue(suite.h.db, {
      now: suite.h.clock.now(),
      token: 'crashed-instance:1',
      leaseMs,
      limit: 50,
    }).then((rows) => rows.filter((r) => r.id === id));
    expect(claimed).toBeDefined();

    await suite.h.service.dispatcher.runOnce(); // the lease is live: hands off
    expect((await row(id)).status).toBe('SCHEDULED');
    suite.h.clock.advance(leaseMs + 1);
    await suite.h.service.dispatcher.runOnce();
    expect((await row(id)).status).toBe('SENT');

    // The "crashed" instance wakes up and tries to finish: its claim is gone, nothing is written.
    const late =
      claimed &&
      (await completeRound(
        suite.h.db,
        claimed,
        'crashed-instance:1',
        { delivered: ['IN_APP'], retry: [], retryAt: null, attempts: [], lastError: null, cancel: false },
        suite.h.clock.now(),
      ));
    expect(late).toBeNull();
    expect(await attemptsOf(id)).toHaveLength(1);
  });

  it('holds everything while paused and sends it after resuming', async () => {
    const userId = randomUUID();
    const until = new Date(suite.h.clock.now().getTime() + 86_400_000).toISOString();
    const at = new Date(suite.h.clock.now().getTime() + 60_000).toISOString();
    const created = await suite.h.as<{ scheduleNotification: { id: string } }>(userId, SCHEDULE, {
      input: { type: 'SYSTEM', title: 'Hello', body: '', scheduledFor: at },
    });
    const id = created.data?.scheduleNotification.id ?? '';
    await suite.h.as(userId, `mutation($until: DateTime!) { pauseNotifications(until: $until) { pausedUntil } }`, {
      until,
    });
    suite.h.clock.advance(120_000);
    await suite.h.service.dispatcher.runOnce();
    expect((await row(id)).status).toBe('SCHEDULED');
    await suite.h.as(userId, `mutation { resumeNotifications { pausedUntil } }`);
    await suite.h.service.dispatcher.runOnce();
    expect((await row(id)).status).toBe('SENT');
  });

  it('delivers at start-up what fell due while no instance was running', async () => {
    const userId = randomUUID();
    const id = randomUUID();
    await suite.h.db.notification.create({
      data: {
        id,
        userId,
        type: 'SYSTEM',
        source: 'USER',
        title: 'Overdue',
        body: '',
        channels: ['IN_APP'],
        pendingChannels: ['IN_APP'],
        scheduledFor: new Date(suite.h.clock.now().getTime() - 3_600_000),
        dispatchAt: new Date(suite.h.clock.now().getTime() - 3_600_000),
        createdAt: suite.h.clock.now(),
      },
    });
    // A second instance boots over the same database with its loop on (as in production); nobody calls runOnce.
    const booted = await suite.h.startPeer({ dispatchLoop: true });
    try {
      const deadline = Date.now() + 5_000;
      while ((await row(id)).status !== 'SENT' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect((await row(id)).status).toBe('SENT');
    } finally {
      await booted.stop();
    }
  });
});
