/**
 * Several instances over one Postgres database (the production topology): every due notification is sent exactly
 * once, also when an instance dies holding claims, and concurrent re-planning keeps one reminder per plant.
 * Needs TEST_DATABASE_URL (skipped without it, except on CI where it must be set).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../db/client.js';
import { applyCareScheduleEvent } from '../events/care-schedule-consumer.js';
import { notificationTopic, type LiveNotification } from '../live/notification-topic.js';
import type { RunningNotificationsService } from '../service.js';
import { externalService } from '../testing/env.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { reminderRow } from '../testing/reminder-row.js';
import { claimDue, leaseMsFor } from './claims.js';

const postgres = externalService('TEST_DATABASE_URL');

describe.skipIf(!postgres)('exactly-once delivery with two instances (postgres)', () => {
  let h: Harness;
  let peer: RunningNotificationsService;
  beforeAll(async () => {
    h = await startHarness('postgres', { instanceId: 'instance-a' });
    peer = await h.startPeer({ instanceId: 'instance-b' });
  });
  afterAll(async () => {
    await peer?.stop();
    await h?.stop();
  });

  /** `count` IN_APP notifications due now, spread over 10 users, and a listener on every user's live topic. */
  async function dueNotifications(count: number) {
    const users = Array.from({ length: 10 }, () => randomUUID());
    const now = h.clock.now();
    const rows = Array.from({ length: count }, (_, i) => reminderRow(users[i % users.length] ?? '', now, i));
    await h.db.notification.createMany({ data: rows });
    const pushed: string[] = [];
    const listeners = users.map((u) => h.pubsub.subscribe<LiveNotification>(notificationTopic(u)));
    const pumps = listeners.map(async (it) => {
      for await (const n of it) pushed.push(n.id);
    });
    const ids = rows.map((r) => r.id);
    return {
      ids,
      pushed,
      stop: async () => (await Promise.all(listeners.map((l) => l.return?.())), await Promise.all(pumps)),
    };
  }

  async function expectSentOnce(ids: string[]) {
    const rows: Notification[] = await h.db.notification.findMany({ where: { id: { in: ids } } });
    expect(rows.filter((r) => r.status === 'SENT')).toHaveLength(ids.length);
    const attempts = await h.db.deliveryAttempt.groupBy({
      by: ['notificationId'],
      where: { notificationId: { in: ids } },
      _count: { _all: true },
    });
    expect(attempts).toHaveLength(ids.length);
    expect(attempts.every((a) => a._count._all === 1)).toBe(true);
  }

  it('two dispatchers racing over 50 due reminders send each exactly once', async () => {
    const due = await dueNotifications(50);
    const runs = await Promise.all([
      h.service.dispatcher.runOnce(),
      peer.dispatcher.runOnce(),
      h.service.dispatcher.runOnce(),
      peer.dispatcher.runOnce(),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(50); // claims never overlapped
    await expectSentOnce(due.ids);
    await new Promise((r) => setImmediate(r));
    await due.stop();
    expect(due.pushed).toHaveLength(50);
    expect(new Set(due.pushed)).toEqual(new Set(due.ids));
    const byInstance = await h.db.deliveryAttempt.groupBy({
      by: ['instanceId'],
      where: { notificationId: { in: due.ids } },
      _count: { _all: true },
    });
    expect(byInstance.reduce((sum, g) => sum + g._count._all, 0)).toBe(50);
  });

  it('two dispatchers racing over 2000 due reminders, batch by batch, send and push each exactly once', async () => {
    const due = await dueNotifications(2000);
    const runs = await Promise.all([h.service.dispatcher.runOnce(), peer.dispatcher.runOnce()]);
    const rest = (await h.service.dispatcher.runOnce()) + (await peer.dispatcher.runOnce());
    expect(runs.reduce((a, b) => a + b, rest)).toBe(2000); // claims never overlapped
    await expectSentOnce(due.ids);
    await new Promise((r) => setImmediate(r));
    await due.stop();
    expect(due.pushed).toHaveLength(2000);
    expect(new Set(due.pushed)).toEqual(new Set(due.ids));
  });

  it('a dispatcher killed holding claims loses nothing: its work is retaken after the lease, and sent once', async () => {
    const due = await dueNotifications(50);
    const leaseMs = leaseMsFor(2_000);
    // Instance A claims 20 and dies before delivering any of them.
    const dead = await claimDue(h.db, { now: h.clock.now(), token: 'instance-a:killed', leaseMs, limit: 20 });
    expect(dead).toHaveLength(20);
    // B delivers everything else, but cannot touch A's claims while the lease runs.
    expect(await peer.dispatcher.runOnce()).toBe(30);
    h.clock.advance(leaseMs + 1);
    expect(await peer.dispatcher.runOnce()).toBe(20);
    await expectSentOnce(due.ids);
    await new Promise((r) => setImmediate(r));
    await due.stop();
    expect(due.pushed.length).toBe(50);
  });

  it('events for one user applied concurrently by two instances leave exactly one pending reminder per plant', async () => {
    const userId = randomUUID();
    const plants = Array.from({ length: 12 }, () => randomUUID());
    const base = h.clock.now().getTime();
    await Promise.all(
      plants.map((userPlantId, i) =>
        applyCareScheduleEvent(i % 2 === 0 ? h.service.runtime : peer.runtime, {
          eventId: randomUUID(),
          userId,
          userPlantId,
          nickname: `Plant ${i}`,
          nextWateringAt: '2026-03-06T12:00:00Z',
          reason: 'ADDED',
          changedAt: new Date(base + i).toISOString(),
        }),
      ),
    );
    const pending = await h.db.notification.findMany({ where: { userId, status: 'SCHEDULED' } });
    // Digest on (the default): all twelve are due together, so exactly one digest lists them all.
    expect(pending).toHaveLength(1);
    expect([...(pending[0]?.userPlantIds ?? [])].sort()).toEqual([...plants].sort());
    const pointers = await h.db.plantSchedule.findMany({ where: { userId } });
    expect(new Set(pointers.map((p) => p.reminderId))).toEqual(new Set([pending[0]?.id]));
  });
});
