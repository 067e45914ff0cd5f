/**
 * Issue 4 end to end: a user subscribed through the router receives their plant's reminder live, with fields from all
 * three subgraphs, and never another user's. The reminder falls due by moving the notifications service's test clock
 * (injected in code; no production switch exists).
 */
import type { FormattedExecutionResult } from 'graphql';
import { CloseCode, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@bloomzy/shared/clock';
import { signupUser, startStack, type Stack } from './harness.js';
import { waitFor } from './wait-for.js';

type ExecutionResult<T> = FormattedExecutionResult<T, unknown>;

const SUBSCRIPTION = `subscription {
  notificationReceived { id type title status userPlant { id nickname plant { commonNames } } recipient { id username } }
}`;

interface Received {
  notificationReceived: {
    id: string;
    type: string;
    title: string;
    status: string;
    userPlant: { id: string; nickname: string; plant: { commonNames: string[] } } | null;
    recipient: { id: string; username: string } | null;
  };
}

/** Subscribes and collects events; resolves `ready` once the router acknowledged the connection. */
function collect(client: Client, query: string) {
  const events: ExecutionResult<Received>[] = [];
  const waiters: (() => void)[] = [];
  let closed: unknown;
  const dispose = client.subscribe<Received>(
    { query },
    {
      next: (value) => {
        events.push(value);
        for (const w of waiters.splice(0)) w();
      },
      error: (error) => {
        closed = error;
        for (const w of waiters.splice(0)) w();
      },
      complete: () => {},
    },
  );
  const next = (timeoutMs: number) =>
    new Promise<ExecutionResult<Received> | undefined>((resolve) => {
      const seen = events.length;
      const timer = setTimeout(() => resolve(events[seen]), timeoutMs);
      const check = () => {
        if (events.length > seen || closed) {
          clearTimeout(timer);
          resolve(events[seen]);
        } else waiters.push(check);
      };
      check();
    });
  /** The first event (already received or coming) of a notification type. */
  const ofType = async (type: string, timeoutMs: number) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = events.find((e) => e.data?.notificationReceived.type === type);
      if (found || Date.now() >= end || closed) return found;
      await next(end - Date.now());
    }
  };
  return { events, next, ofType, dispose, closedWith: () => closed };
}

async function addPlant(stack: Stack, headers: Record<string, string>, nickname: string) {
  const species = await stack.query<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
    '{ indoorPlants(first: 1, filter: { text: "Monstera deliciosa" }) { edges { node { id } } } }',
  );
  const res = await stack.query<{ addUserPlant: { id: string } }>(
    'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
    { input: { plantId: species.data!.indoorPlants.edges[0]!.node.id, nickname, location: 'Living room' } },
    headers,
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.addUserPlant.id;
}

/**
 * Waits until a subscription really receives events: sends test notifications (a client-visible probe) until one
 * arrives, so what follows does not race the upstream subscription being set up.
 */
async function untilLive(stack: Stack, sub: ReturnType<typeof collect>, headers: Record<string, string>) {
  // A probe dispatched before the upstream subscription exists is gone (live push is at-most-once), so retry; at
  // most 4, under the 5-per-minute test-notification limit.
  for (let attempt = 0; attempt < 4; attempt++) {
    const sent = await stack.query('mutation { sendTestNotification { id } }', {}, headers);
    if (sent.errors) throw new Error(JSON.stringify(sent.errors));
    if (await sub.ofType('SYSTEM', 2_500)) return;
  }
  throw new Error('subscription never went live');
}

describe('live reminders through the router', () => {
  let stack: Stack;
  const clock = new ManualClock(new Date());
  beforeAll(async () => {
    stack = await startStack({ notificationsClock: clock });
  });
  afterAll(() => stack?.stop());

  it('delivers a watering reminder live with data from all three subgraphs, only to its owner', async () => {
    const alice = await signupUser(stack, { username: `alice_${Date.now()}` });
    const bob = await signupUser(stack);
    const plantId = await addPlant(stack, alice.headers, 'Monty');
    await addPlant(stack, bob.headers, 'Bobs fern');

    const aliceSub = collect(stack.wsClient({ authorization: `Bearer ${alice.accessToken}` }), SUBSCRIPTION);
    const bobSub = collect(stack.wsClient({ authorization: `Bearer ${bob.accessToken}` }), SUBSCRIPTION);

    // Water the plant: plants moves the next watering, publishes the schedule event, notifications re-plans.
    const watered = await stack.query(
      'mutation($input: WaterPlantInput!) { waterPlant(input: $input) { id } }',
      { input: { userPlantId: plantId, amountMl: 300 } },
      alice.headers,
    );
    expect(watered.errors).toBeUndefined();
    const scheduled = await waitFor(async () => {
      const res = await stack.query<{
        notifications: { edges: { node: { scheduledFor: string; userPlant: { id: string } | null } }[] };
      }>(
        '{ notifications(filter: { status: [SCHEDULED] }) { edges { node { scheduledFor userPlant { id } } } } }',
        {},
        alice.headers,
      );
      // The reminder planned when the plant was added (never watered: due now) must have moved to the next watering.
      return res.data?.notifications.edges.find(
        (e) => e.node.userPlant?.id === plantId && new Date(e.node.scheduledFor).getTime() > Date.now() + 86_400_000,
      )?.node;
    });

    // Live pushes are at-most-once: make sure both subscriptions are established upstream before the reminder is due.
    await untilLive(stack, aliceSub, alice.headers);
    await untilLive(stack, bobSub, bob.headers);
    // Let the reminder fall due, then time how long it takes to reach the subscriber through the router.
    clock.set(new Date(new Date(scheduled.scheduledFor).getTime() + 60_000));
    const started = Date.now();
    const event = await aliceSub.ofType('WATERING_REMINDER', 5_000);
    console.log(`reminder reached the subscriber ${Date.now() - started} ms after it fell due`);
    expect(event?.errors).toBeUndefined();
    expect(event?.data?.notificationReceived).toMatchObject({
      type: 'WATERING_REMINDER',
      status: 'SENT',
      userPlant: {
        id: plantId,
        nickname: 'Monty',
        plant: { commonNames: expect.arrayContaining(['Swiss cheese plant']) },
      },
      recipient: { id: alice.user.id, username: expect.stringMatching(/^alice_/) },
    });

    // Bob is subscribed too and gets his own reminders, but nothing of alice's.
    await bobSub.ofType('WATERING_REMINDER', 3_000);
    expect(bobSub.events.length).toBeGreaterThan(0);
    for (const e of bobSub.events) {
      expect(e.data?.notificationReceived.recipient?.id).toBe(bob.user.id);
      expect(e.data?.notificationReceived.userPlant?.id).not.toBe(plantId);
    }
    expect(aliceSub.events.every((e) => e.data?.notificationReceived.recipient?.id === alice.user.id)).toBe(true);
    aliceSub.dispose();
    bobSub.dispose();
  });

  it('refuses connections without valid credentials with 4401', async () => {
    for (const params of [{}, { authorization: 'Bearer not-a-token' }]) {
      const sub = collect(stack.wsClient(params), SUBSCRIPTION);
      await waitFor(async () => sub.closedWith() ?? undefined, 5_000);
      expect((sub.closedWith() as { code?: number }).code).toBe(CloseCode.Unauthorized);
    }
  });

  it('closes a live connection with 4401 when its session logs out', async () => {
    const user = await signupUser(stack);
    const sub = collect(stack.wsClient({ authorization: `Bearer ${user.accessToken}` }), SUBSCRIPTION);
    await untilLive(stack, sub, user.headers);
    const out = await stack.query('mutation { logout }', {}, user.headers);
    expect(out.errors).toBeUndefined();
    await waitFor(async () => sub.closedWith() ?? undefined, 5_000);
    expect((sub.closedWith() as { code?: number }).code).toBe(CloseCode.Unauthorized);
  });

  it('refuses an API key without notifications:read with 4403', async () => {
    const user = await signupUser(stack);
    const created = await stack.query<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(input: { name: "Hub", scopes: [PLANTS_READ] }) { secret } }',
      {},
      user.headers,
    );
    const sub = collect(stack.wsClient({ 'x-api-key': created.data!.createApiKey.secret }), SUBSCRIPTION);
    await waitFor(async () => sub.closedWith() ?? undefined, 5_000);
    expect((sub.closedWith() as { code?: number }).code).toBe(CloseCode.Forbidden);
  });

  // Last: it stops the notifications subgraph.
  it("ends the client's subscription with a visible error when the notifications subgraph goes away", async () => {
    const user = await signupUser(stack);
    const sub = collect(stack.wsClient({ authorization: `Bearer ${user.accessToken}` }), SUBSCRIPTION);
    await untilLive(stack, sub, user.headers);
    await stack.notifications.stop();
    await waitFor(async () => sub.events.find((e) => e.errors) ?? undefined, 5_000);
    const failure = sub.events.find((e) => e.errors);
    expect(failure?.errors?.[0]?.extensions?.code).toBe('SUBSCRIPTION_UPSTREAM_FAILED');
  });
});
