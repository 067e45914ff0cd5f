/**
 * The production topology over Redis: two instances, one shared database. A notification dispatched by instance A
 * reaches a subscriber connected to instance B exactly once, and a care-schedule event published once is applied once
 * (shared consumer group). Needs REDIS_URL (skipped without it, except on CI where it must be set).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoordination, type Coordination } from '@bloomzy/shared/coordination';
import { createLogger } from '@bloomzy/shared/logger';
import { CARE_SCHEDULE_STREAM } from '@bloomzy/shared/messaging/topics';
import type { RunningNotificationsService } from '../service.js';
import { externalService } from '../testing/env.js';
import { startHarness, type Harness } from '../testing/harness.js';
import { subscribe } from '../testing/ws-client.js';
import { notificationTopic } from './notification-topic.js';

const redisUrl = externalService('REDIS_URL');
/** Keys of this run only: other suites (or a dev stack) may use the same Redis and the same consumer group name. */
const namespace = `bloomzy-test-${randomUUID().slice(0, 8)}`;

/** One instance's Redis-backed coordination, as production builds it, inside this run's namespace. */
const redisInfra = (url: string): Promise<Coordination> =>
  createCoordination({
    redisUrl: url,
    logger: createLogger({ service: 'redis-test', level: 'error' }),
    keyPrefix: namespace,
    eventBusBlockMs: 200,
  });

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!redisUrl)('two instances over Redis', () => {
  let a: Coordination;
  let b: Coordination;
  let h: Harness;
  let peer: RunningNotificationsService;
  beforeAll(async () => {
    a = await redisInfra(redisUrl ?? '');
    b = await redisInfra(redisUrl ?? '');
    h = await startHarness(externalService('TEST_DATABASE_URL') ? 'postgres' : 'pglite', {
      coordination: a,
      instanceId: 'instance-a',
    });
    peer = await h.startPeer({ coordination: b, instanceId: 'instance-b' });
  });
  afterAll(async () => {
    await peer?.stop();
    await h?.stop();
    const keys = a ? await a.redis?.keys(`${namespace}:*`) : [];
    if (keys?.length) await a.redis?.del(...keys);
    await a?.close();
    await b?.close();
  });

  it('a subscriber on instance B receives, once, the notification instance A dispatched', async () => {
    const alice = randomUUID();
    const sub = subscribe<{ notificationReceived: { id: string; title: string } }>(
      peer.url.replace(/^http/, 'ws'),
      `subscription { notificationReceived { id title } }`,
      {
        authorization: `Bearer ${await h.auth.token(alice)}`,
      },
    );
    try {
      // Ready when B's Redis connection is subscribed to Alice's channel.
      const channel = `${namespace}:pubsub:${notificationTopic(alice)}`;
      const numsub = async () =>
        Number(((await a.redis?.pubsub('NUMSUB', channel)) as [string, number] | undefined)?.[1] ?? 0);
      expect(await eventually(numsub, (n) => n === 1)).toBe(1);

      const at = new Date(h.clock.now().getTime() + 60_000).toISOString();
      const created = await h.as<{ scheduleNotification: { id: string } }>(
        alice,
        `mutation($i: ScheduleNotificationInput!) { scheduleNotification(input: $i) { id } }`,
        {
          i: { type: 'CARE_TIP', title: 'Across instances', body: '', scheduledFor: at },
        },
      );
      h.clock.set(at);
      expect(await h.service.dispatcher.runOnce()).toBeGreaterThanOrEqual(1); // instance A delivers
      const [event] = await sub.waitFor(1);
      expect(event?.notificationReceived).toEqual({
        id: created.data?.scheduleNotification.id,
        title: 'Across instances',
      });
      expect(await peer.dispatcher.runOnce()).toBe(0); // nothing left for B
      expect(sub.events).toHaveLength(1);
    } finally {
      await sub.dispose();
    }
  });

  it('a care-schedule event published once is applied once across the shared consumer group', async () => {
    const userId = randomUUID();
    const userPlantId = randomUUID();
    await a.events.publish(CARE_SCHEDULE_STREAM, {
      eventId: randomUUID(),
      userId,
      userPlantId,
      nickname: 'Monty',
      nextWateringAt: '2026-03-09T12:00:00Z',
      reason: 'ADDED',
      changedAt: h.clock.now().toISOString(),
    });
    const pending = await eventually(
      () => h.db.notification.findMany({ where: { userId, status: 'SCHEDULED' } }),
      (rows) => rows.length > 0,
    );
    expect(pending).toHaveLength(1);
    expect(pending[0]?.userPlantIds).toEqual([userPlantId]);
  });
});
