/**
 * The dispatcher at volume: thousands due at one instant go out in set-based batches, each exactly once (one SENT
 * write, one IN_APP log entry, one live push), with the per-user rules still applied row by row; a batch that dies
 * before its commit is retaken after the lease with nothing pushed twice.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import type { NotificationChannel } from '../db/client.js';
import { loadSettings } from '../domain/user-settings.js';
import { notificationTopic, type LiveNotification } from '../live/notification-topic.js';
import { useDispatchSuite } from '../testing/dispatch-suite.js';
import { reminderRow } from '../testing/reminder-row.js';
import { claimDue, leaseMsFor } from './claims.js';
import { completeBatch } from './complete-batch.js';

describe.each(testDatabaseKinds())('bulk dispatch (%s)', (kind) => {
  const suite = useDispatchSuite(kind);

  /** One reminder due now for each of `users` (new users when a number), and a listener on each user's live topic. */
  async function due(users: number | string[], channels: NotificationChannel[] = ['IN_APP']) {
    const ids = typeof users === 'number' ? Array.from({ length: users }, () => randomUUID()) : users;
    const now = suite.h.clock.now();
    const rows = ids.map((userId, i) => reminderRow(userId, now, i, { channels }));
    await suite.h.db.notification.createMany({ data: rows });
    const pushed: string[] = [];
    const listeners = [...new Set(ids)].map((u) => suite.h.pubsub.subscribe<LiveNotification>(notificationTopic(u)));
    const pumps = listeners.map(async (it) => {
      for await (const n of it) pushed.push(n.id);
    });
    return {
      ids: rows.map((r) => r.id),
      pushed,
      /** Ends the listeners once what was published has arrived (the in-memory bus delivers synchronously). */
      stop: async () => {
        await new Promise((r) => setImmediate(r));
        await Promise.all(listeners.map((l) => l.return?.()));
        await Promise.all(pumps);
      },
    };
  }

  const attemptsPer = async (ids: string[]) => {
    const groups = await suite.h.db.deliveryAttempt.groupBy({
      by: ['notificationId'],
      where: { notificationId: { in: ids } },
      _count: { _all: true },
    });
    return new Map(groups.map((g) => [g.notificationId, g._count._all]));
  };

  it('sends 2000 reminders due at one instant, for 2000 users, each exactly once', async () => {
    const batch = await due(2000);
    expect(await suite.h.service.dispatcher.runOnce()).toBe(2000);
    expect(await suite.h.service.dispatcher.runOnce()).toBe(0);
    await batch.stop();
    const rows = await suite.h.db.notification.findMany({ where: { id: { in: batch.ids } } });
    expect(rows.filter((r) => r.status === 'SENT' && r.claimedBy === null && r.dispatchAt === null)).toHaveLength(2000);
    const attempts = await attemptsPer(batch.ids);
    expect(attempts.size).toBe(2000);
    expect([...attempts.values()].every((count) => count === 1)).toBe(true);
    expect(batch.pushed).toHaveLength(2000);
    expect(new Set(batch.pushed)).toEqual(new Set(batch.ids));
  });

  it("applies each user's switches, pause and webhook inside one batch", async () => {
    const [plain, inAppOff, disabled, paused, withHook] = Array.from({ length: 5 }, () => randomUUID()) as [
      string,
      string,
      string,
      string,
      string,
    ];
    await suite.h.db.userProfile.createMany({
      data: [
        { userId: inAppOff, notifyInApp: false },
        { userId: disabled, notificationsEnabled: false },
      ],
    });
    await suite.h.db.notificationPreferences.createMany({
      data: [
        { userId: paused, pausedUntil: new Date(suite.h.clock.now().getTime() + 86_400_000) },
        { userId: withHook, webhookUrl: suite.hook.url, webhookSecret: 'a-very-secret-signing-key' },
      ],
    });
    suite.hook.respondWith(200);
    const inApp = await due([plain, inAppOff, disabled, paused]);
    const hooked = await due([withHook], ['IN_APP', 'WEBHOOK']);
    await suite.h.service.dispatcher.runOnce();
    await Promise.all([inApp.stop(), hooked.stop()]);
    const [sent, failed, cancelled, held] = await Promise.all(
      inApp.ids.map((id) => suite.h.db.notification.findUniqueOrThrow({ where: { id }, include: { attempts: true } })),
    );
    expect(sent).toMatchObject({ status: 'SENT', attempts: [{ channel: 'IN_APP', outcome: 'SUCCEEDED' }] });
    expect(failed).toMatchObject({
      status: 'FAILED',
      lastError: 'In-app notifications are turned off',
      attempts: [{ channel: 'IN_APP', outcome: 'FAILED', error: 'In-app notifications are turned off' }],
    });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', attempts: [], dispatchAt: null });
    expect(held).toMatchObject({ status: 'SCHEDULED', dispatchRounds: 0, attempts: [] });
    const webhook = await suite.h.db.notification.findUniqueOrThrow({
      where: { id: hooked.ids[0] },
      include: { attempts: { orderBy: { channel: 'asc' } } },
    });
    expect(webhook).toMatchObject({ status: 'SENT', pendingChannels: [] });
    expect(webhook.attempts.map((a) => [a.channel, a.outcome])).toEqual([
      ['IN_APP', 'SUCCEEDED'],
      ['WEBHOOK', 'SUCCEEDED'],
    ]);
    // Only what was sent in-app is pushed live, once.
    expect(inApp.pushed).toEqual([sent?.id]);
    expect(hooked.pushed).toEqual(hooked.ids);
  });

  it('retakes a batch that died before its commit after the lease, and pushes each of it once', async () => {
    const batch = await due(300);
    const leaseMs = leaseMsFor(2_000);
    // An instance claims 120 and dies before completing them (nothing written, nothing pushed).
    const dead = await claimDue(suite.h.db, {
      now: suite.h.clock.now(),
      token: 'instance-x:died',
      leaseMs,
      limit: 120,
    });
    expect(dead).toHaveLength(120);
    expect(await suite.h.service.dispatcher.runOnce()).toBe(180); // the live lease keeps its rows out of reach
    suite.h.clock.advance(leaseMs + 1);
    expect(await suite.h.service.dispatcher.runOnce()).toBe(120);
    await batch.stop();
    const attempts = await attemptsPer(batch.ids);
    expect(attempts.size).toBe(300);
    expect([...attempts.values()].every((count) => count === 1)).toBe(true);
    expect(batch.pushed.toSorted()).toEqual(batch.ids.toSorted());
  });

  it('a late instance whose lease expired writes nothing for its batch; the retaken rows are sent once', async () => {
    const batch = await due(50);
    const leaseMs = leaseMsFor(2_000);
    const late = await claimDue(suite.h.db, { now: suite.h.clock.now(), token: 'instance-y:slow', leaseMs, limit: 50 });
    suite.h.clock.advance(leaseMs + 1);
    expect(await suite.h.service.dispatcher.runOnce()).toBe(50);
    const settings = await loadSettings(
      suite.h.db,
      late.map((n) => n.userId),
    );
    const items = late.map((n) => ({ n, s: settings.get(n.userId)! }));
    const times = { startedAt: suite.h.clock.now(), now: suite.h.clock.now() };
    expect(await completeBatch(suite.h.db, 'instance-y:slow', items, times, 'instance-y')).toEqual([]);
    await batch.stop();
    const attempts = await attemptsPer(batch.ids);
    expect([...attempts.values()].every((count) => count === 1)).toBe(true);
    expect(batch.pushed).toHaveLength(50);
  });

  it('a batch committed by an instance that died before publishing stays sent and is not sent again', async () => {
    // What is promised: the live push is at most once. Rows SENT by a batch whose instance died between its commit
    // and its publishes are in the user's list but are never pushed (nor written) a second time.
    const batch = await due(20);
    const token = 'instance-z:died-after-commit';
    const claimed = await claimDue(suite.h.db, {
      now: suite.h.clock.now(),
      token,
      leaseMs: leaseMsFor(2_000),
      limit: 20,
    });
    const settings = await loadSettings(
      suite.h.db,
      claimed.map((n) => n.userId),
    );
    const items = claimed.map((n) => ({ n, s: settings.get(n.userId)! }));
    const times = { startedAt: suite.h.clock.now(), now: suite.h.clock.now() };
    const written = await completeBatch(suite.h.db, token, items, times, 'instance-z');
    expect(written).toHaveLength(20);
    // What it returns (and the dispatcher publishes) is each row exactly as stored.
    const stored = await suite.h.db.notification.findMany({ where: { id: { in: written.map((n) => n.id) } } });
    const byId = new Map(stored.map((n) => [n.id, n]));
    for (const n of written) expect(n).toEqual(byId.get(n.id));
    expect(written.every((n) => n.status === 'SENT' && n.claimedBy === null)).toBe(true);
    suite.h.clock.advance(leaseMsFor(2_000) + 1);
    expect(await suite.h.service.dispatcher.runOnce()).toBe(0);
    await batch.stop();
    expect(batch.pushed).toEqual([]);
    const attempts = await attemptsPer(batch.ids);
    expect([...attempts.values()]).toEqual(Array.from({ length: 20 }, () => 1));
  });
});
