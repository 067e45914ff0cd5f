/** `notificationReceived` over graphql-ws: authenticated at connection time, and only ever the subscriber's own. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from '../testing/harness.js';
import { subscribe } from '../testing/ws-client.js';
import { notificationTopic } from './notification-topic.js';

const RECEIVED = `subscription { notificationReceived { id title status sentAt recipient { id } userPlant { id } } }`;
type Received = {
  notificationReceived: { id: string; title: string; status: string; sentAt: string; recipient: { id: string } };
};

describe.each(testDatabaseKinds())('notificationReceived (%s)', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.stop());

  async function dueNow(userId: string, title: string): Promise<string> {
    const at = new Date(h.clock.now().getTime() + 60_000).toISOString();
    const res = await h.as<{ scheduleNotification: { id: string } }>(
      userId,
      `mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }`,
      {
        input: { type: 'CARE_TIP', title, body: '', scheduledFor: at },
      },
    );
    h.clock.set(at);
    return res.data?.scheduleNotification.id ?? '';
  }

  it('pushes each user their own notifications as they are delivered, and nobody else’s', async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const aliceSub = subscribe<Received>(h.wsUrl, RECEIVED, { authorization: `Bearer ${await h.auth.token(alice)}` });
    const bobSub = subscribe<Received>(h.wsUrl, RECEIVED, { authorization: `Bearer ${await h.auth.token(bob)}` });
    try {
      await h.pubsub.waitForSubscribers(notificationTopic(alice), 1);
      await h.pubsub.waitForSubscribers(notificationTopic(bob), 1);
      const forAlice = await dueNow(alice, 'For Alice');
      const forBob = await dueNow(bob, 'For Bob');
      await h.service.dispatcher.runOnce();

      const [a] = await aliceSub.waitFor(1);
      expect(a?.notificationReceived).toMatchObject({
        id: forAlice,
        title: 'For Alice',
        status: 'SENT',
        recipient: { id: alice },
      });
      const [b] = await bobSub.waitFor(1);
      expect(b?.notificationReceived).toMatchObject({ id: forBob, recipient: { id: bob } });
      // Each got exactly its own: a second event on either side would have to come from the other user's delivery.
      await h.service.dispatcher.runOnce();
      expect(aliceSub.events).toHaveLength(1);
      expect(bobSub.events).toHaveLength(1);
      expect(aliceSub.errors).toEqual([]);
    } finally {
      await aliceSub.dispose();
      await bobSub.dispose();
    }
    // Leaving releases the pub/sub listener (no leak per disconnected client).
    await h.pubsub.waitForSubscribers(notificationTopic(alice), 0);
    await h.pubsub.waitForSubscribers(notificationTopic(bob), 0);
  });

  it('refuses a document nested too deep to parse safely with GRAPHQL_PARSE_FAILED, and stays up', async () => {
    const deep = `subscription { ${'notificationReceived { '.repeat(3000)}id${' }'.repeat(3000)} }`;
    const sub = subscribe<Received>(h.wsUrl, deep, { authorization: `Bearer ${await h.auth.token(randomUUID())}` });
    try {
      await sub.connected;
      await expect.poll(() => sub.errors.length).toBeGreaterThan(0);
      // graphql-ws hands the client the error message's list of errors.
      expect(sub.errors.flat()).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }) }),
      ]);
    } finally {
      await sub.dispose();
    }
  });

  it('closes connections with bad or missing credentials with 4401, with an expired token with 4440', async () => {
    const cases: [Record<string, string> | undefined, number][] = [
      [{ authorization: 'Bearer not-a-token' }, 4401],
      [undefined, 4401],
      // Retried by graphql-ws clients, which call connectionParams again for a fresh token.
      [{ authorization: `Bearer ${await h.auth.token(randomUUID(), { ttlSeconds: -60 })}` }, 4440],
    ];
    for (const [params, code] of cases) {
      const sub = subscribe<Received>(h.wsUrl, RECEIVED, params);
      expect(await sub.closed).toBe(code);
      await sub.dispose();
    }
  });

  it('closes connections of API keys without notifications:read with 4403', async () => {
    h.auth.addApiKey('bzk_plants_only', {
      active: true,
      userId: randomUUID(),
      role: 'USER',
      apiKeyId: randomUUID(),
      scopes: ['plants:read'],
    });
    const sub = subscribe<Received>(h.wsUrl, RECEIVED, { authorization: 'Bearer bzk_plants_only' });
    expect(await sub.closed).toBe(4403);
    await sub.dispose();
  });
});
