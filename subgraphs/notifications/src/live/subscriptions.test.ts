/**
 * `notificationReceived` over graphql-ws: authenticated per connection (a client's credentials) or per subscription
 * (the identity a router signs on its multiplexed connections), and only ever the subscriber's own.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type FormattedExecutionResult } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Principal } from '@bloomzy/shared/auth/principal';
import { routerHeaders, routerIdentity } from '@bloomzy/shared/testing/router-credential';
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
      [{ authorization: 'Basic YWxpY2U6c2VjcmV0' }, 4401],
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

  it('serves many users on one router connection, each subscription as the user its signed identity names', async () => {
    const user = (userId: string): Principal => ({
      userId,
      role: 'USER',
      kind: 'session',
      sessionId: userId,
      scopes: null,
    });
    const [alice, bob] = [randomUUID(), randomUUID()];
    const headers = await routerHeaders('notifications');
    // As the router connects: its service credential on the upgrade, nobody's credentials in connection_init.
    const client = createClient({
      url: h.wsUrl,
      webSocketImpl: class extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      },
      retryAttempts: 0,
    });
    const results = new Map<string, FormattedExecutionResult<Received, unknown>[]>();
    const refusals = new Map<string, unknown>();
    const start = (name: string, extensions: Record<string, unknown> | undefined) => {
      results.set(name, []);
      client.subscribe<Received>(
        { query: RECEIVED, ...(extensions ? { extensions } : {}) },
        { next: (r) => results.get(name)?.push(r), error: (e) => refusals.set(name, e), complete: () => {} },
      );
    };
    const forged = await routerIdentity('notifications', user(bob));
    try {
      start('alice', await routerIdentity('notifications', user(alice)));
      start('bob', await routerIdentity('notifications', user(bob)));
      start('nobody', undefined);
      start('forged', { identity: `${forged.identity?.slice(0, -4)}AAAA` });
      start('misaddressed', await routerIdentity('plants', user(alice)));
      await h.pubsub.waitForSubscribers(notificationTopic(alice), 1);
      await h.pubsub.waitForSubscribers(notificationTopic(bob), 1);
      await expect.poll(() => refusals.size).toBe(3);
      for (const name of ['nobody', 'forged', 'misaddressed'])
        expect(refusals.get(name)).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);

      const forAlice = await dueNow(alice, 'For Alice');
      await h.service.dispatcher.runOnce();
      await expect.poll(() => results.get('alice')?.length).toBe(1);
      expect(results.get('alice')?.[0]?.data?.notificationReceived).toMatchObject({
        id: forAlice,
        recipient: { id: alice },
      });
      expect(results.get('bob')).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});
