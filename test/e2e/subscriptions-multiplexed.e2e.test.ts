/**
 * Issue 11: the router carries every client subscription to the notifications subgraph over a fixed number of
 * graphql-ws sockets (SUBSCRIPTION_UPSTREAM_CONNECTIONS), each subscription as its own user; more subscribers do not
 * mean more upstream sockets.
 */
import type { FormattedExecutionResult } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsRegistry } from '@bloomzy/shared/metrics/registry';
import { signupUser, startStack, type Stack } from './harness.js';
import { until } from './wait-for.js';

type Received = { notificationReceived: { id: string; type: string; recipient: { id: string } | null } };
const SUBSCRIPTION = 'subscription { notificationReceived { id type recipient { id } } }';

async function gaugeValue(name: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).reduce((sum, { value }) => sum + value, 0);
}

describe('subscriptions multiplexed to the notifications subgraph', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ routerEnv: { SUBSCRIPTION_UPSTREAM_CONNECTIONS: '1' } });
  });
  afterAll(() => stack?.stop());

  it('keeps one upstream socket whether one user or many subscribe, and delivers each user only their own', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => signupUser(stack)));
    const received = new Map<string, FormattedExecutionResult<Received, unknown>[]>();
    const subscribe = (user: (typeof users)[number]) => {
      const events: FormattedExecutionResult<Received, unknown>[] = [];
      received.set(user.user.id, events);
      const client = stack.wsClient({ authorization: `Bearer ${user.accessToken}` });
      client.subscribe<Received>(
        { query: SUBSCRIPTION },
        { next: (e) => events.push(e), error: () => {}, complete: () => {} },
      );
    };
    const subscriptionsBefore = await gaugeValue('bloomzy_websocket_subscriptions');

    subscribe(users[0]!);
    await until(async () => (await gaugeValue('bloomzy_subscription_upstream_sockets')) === 1, 'the upstream socket');
    for (const user of users.slice(1)) subscribe(user);
    await until(
      async () => (await gaugeValue('bloomzy_websocket_subscriptions')) === subscriptionsBefore + users.length,
      'every client subscription',
    );
    expect(await gaugeValue('bloomzy_subscription_upstream_sockets')).toBe(1);

    // Each user sends themselves a test notification (retried: live push is at most once, and the upstream
    // subscription may still be on its way), and must see exactly theirs.
    for (let attempt = 0; attempt < 4; attempt++) {
      const waiting = users.filter((user) => !received.get(user.user.id)?.some((e) => e.data));
      if (waiting.length === 0) break;
      await Promise.all(
        waiting.map((user) => stack.query('mutation { sendTestNotification { id } }', {}, user.headers)),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    for (const user of users) {
      const events = received.get(user.user.id) ?? [];
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.data?.notificationReceived.recipient?.id === user.user.id && !e.errors)).toBe(true);
    }
    expect(await gaugeValue('bloomzy_subscription_upstream_sockets')).toBe(1);
  });
});
