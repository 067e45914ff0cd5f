/**
 * Issue 10's traces, end to end in the production topology (every service its own process, Postgres, Redis): each
 * service is configured only through OpenTelemetry's standard variables, pointed at an OTLP/HTTP (JSON) receiver this
 * test runs, as it would be at a collector or Jaeger.
 *
 * 1. The app's dashboard query through the router is ONE trace — the one the client started with its `traceparent` —
 *    holding the router's spans (@apollo/gateway's plan and one fetch per subgraph), the HTTP, GraphQL and SQL spans
 *    of plants, auth and notifications, each under its own `service.name`; an error carries the request's ids.
 * 2. Watering a plant is linked to the reminder it plans: the waterPlant trace publishes the care-schedule event, and
 *    notifications consumes it in a trace of its own whose CONSUMER span links to that publish (over Redis Streams).
 * 3. A reminder pushed live is followed by links: the dispatch's publish on pub/sub → its receipt in notifications,
 *    and the router's subscription → the trace of each event it executes.
 * Log lines written inside a span carry its trace id (checked on the dashboard query's).
 *
 * Needs TEST_DATABASE_URL and REDIS_URL: skipped without them, except with CI=true, where their absence fails the run.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { DASHBOARD } from '@bloomzy/router/testing/costly-operations';
import { gql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds, testRedisUrl } from '@bloomzy/shared/testing/test-database';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';
import { startTopology, type Topology } from './processes.js';

const postgres = testDatabaseKinds().includes('postgres');
const redisUrl = testRedisUrl();

const SPAN_KIND = { SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;

/** A W3C traceparent a client starts its trace with, and the trace id it names. */
function clientTrace(): { traceId: string; spanId: string; headers: Record<string, string> } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, headers: { traceparent: `00-${traceId}-${spanId}-01` } };
}

async function call<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<T> {
  const res = await gql<T>(url, query, variables, headers);
  if (!res.data || res.errors) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

const names = (spans: ReceivedSpan[]) => spans.map((span) => `${span.service}:${span.name}`);

describe.skipIf(!postgres || !redisUrl)('traces (production topology, OTLP/HTTP JSON)', () => {
  let receiver: OtlpReceiver;
  let t: Topology;
  let router: string;
  let headers: Record<string, string>;
  let userPlantId: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    t = await startTopology(process.env.TEST_DATABASE_URL ?? '', redisUrl ?? '', {
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        LOG_LEVEL: 'debug',
      },
    });
    router = t.router1.graphqlUrl;
    const username = `tracy_${randomBytes(4).toString('hex')}`;
    const { signup } = await call<{ signup: { accessToken: string } }>(
      router,
      'mutation($input: SignupInput!) { signup(input: $input) { accessToken } }',
      { input: { email: `${username}@bloomzy.test`, password: 'green-thumb-1', username, timezone: 'UTC' } },
      {},
    );
    headers = { authorization: `Bearer ${signup.accessToken}` };
    const species = await call<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
      router,
      '{ indoorPlants(first: 1, filter: { text: "Monstera deliciosa" }) { edges { node { id } } } }',
      {},
      headers,
    );
    const added = await call<{ addUserPlant: { id: string } }>(
      router,
      'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
      { input: { plantId: species.indoorPlants.edges[0]?.node.id, nickname: 'Monty', location: 'Desk' } },
      headers,
    );
    userPlantId = added.addUserPlant.id;
  }, 180_000);

  afterAll(async () => {
    await t?.stop();
    await receiver?.close();
  });

  it('makes the dashboard query one trace: router plan and fetches, subgraph requests and operations, SQL', async () => {
    const client = clientTrace();
    await call(router, DASHBOARD, {}, { ...headers, ...client.headers });
    const inTrace = (spans: ReceivedSpan[]) => spans.filter((span) => span.traceId === client.traceId);
    const has = (spans: ReceivedSpan[], service: string, name: string | RegExp) =>
      spans.some((s) => s.service === service && (typeof name === 'string' ? s.name === name : name.test(s.name)));
    const spans = inTrace(
      await receiver
        .waitFor((all) => {
          const trace = inTrace(all);
          // The router's request span ends last, with the response.
          return (
            trace.some((s) => s.service === 'router' && s.kind === SPAN_KIND.SERVER) &&
            ['auth', 'plants', 'notifications'].every((s) => has(trace, s, 'prisma:client:db_query'))
          );
        })
        .catch((error: unknown) => {
          throw new Error(`${String(error)}\n${t.output()}`);
        }),
    );
    // The router continued the client's trace: its request span is the child of the client's span.
    const routerRequest = spans.find((s) => s.service === 'router' && s.kind === SPAN_KIND.SERVER);
    expect(routerRequest?.parentSpanId).toBe(client.spanId);
    expect(names(spans)).toEqual(expect.arrayContaining(['router:gateway.plan', 'router:gateway.execute']));
    const fetched = spans.filter((s) => s.name === 'gateway.fetch').map((s) => s.attributes.service);
    expect(fetched).toEqual(expect.arrayContaining(['auth', 'plants', 'notifications']));
    for (const service of ['auth', 'plants', 'notifications']) {
      const server = spans.find((s) => s.service === service && s.kind === SPAN_KIND.SERVER);
      expect(server, `${service}'s request joins the trace`).toBeDefined();
      // Its parent is the router's outgoing request (or the gateway's fetch span), in the same trace.
      const parent = spans.find((s) => s.spanId === server?.parentSpanId);
      expect(parent?.service, JSON.stringify({ server, parent })).toBe('router');
      expect(has(spans, service, /^query Dashboard__/), `${service}'s GraphQL operation`).toBe(true);
      const sql = spans.filter((s) => s.service === service && s.name === 'prisma:client:db_query');
      expect(
        sql.some((s) => /^SELECT /.test(String(s.attributes['db.query.text']))),
        `${service}'s SQL`,
      ).toBe(true);
      expect(sql.every((s) => s.attributes['bloomzy.service'] === service)).toBe(true);
    }
    // The lines the subgraphs logged for it name the trace (their request logs, here; written asynchronously).
    await vi.waitFor(() => expect(t.plants.output()).toContain(`"traceId":"${client.traceId}"`), { timeout: 5_000 });
    // One trace: every span but the router's request has its parent among the trace's spans.
    const ids = new Set(spans.map((s) => s.spanId));
    const orphans = spans.filter((s) => s !== routerRequest && !ids.has(s.parentSpanId ?? ''));
    // Spans of a trace arrive in batches, so a parent may still be on its way: wait for them before judging.
    if (orphans.length) {
      await receiver.waitFor((all) => orphans.every((o) => all.some((s) => s.spanId === o.parentSpanId)), 5_000);
    }
  });

  it('puts the request id and the trace id in the extensions of every error', async () => {
    const client = clientTrace();
    const res = await fetch(router, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...client.headers },
      // No credentials: notifications refuses.
      body: JSON.stringify({ query: '{ notifications(first: 1) { unreadCount } }' }),
    });
    const body = (await res.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    const [error] = body.errors ?? [];
    expect(error?.extensions?.code, JSON.stringify(body)).toBe('UNAUTHENTICATED');
    expect(error?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
    expect(error?.extensions?.traceId).toBe(client.traceId);
  });

  it('links a watering to the reminder it plans: the care-schedule consumer span links to the publish', async () => {
    const client = clientTrace();
    await call(
      router,
      'mutation($input: WaterPlantInput!) { waterPlant(input: $input) { userPlant { nextWateringAt } } }',
      { input: { userPlantId, amountMl: 300 } },
      { ...headers, ...client.headers },
    );
    const spans = await receiver.waitFor((all) => {
      const publish = all.find((s) => s.traceId === client.traceId && s.name === 'publish plants.care-schedule');
      return !!publish && all.some((s) => s.links.some((link) => link.spanId === publish.spanId));
    });
    const publish = spans.find((s) => s.traceId === client.traceId && s.name === 'publish plants.care-schedule');
    expect(publish).toMatchObject({ service: 'plants', kind: SPAN_KIND.PRODUCER });
    const consumer = spans.find((s) => s.links.some((link) => link.spanId === publish?.spanId));
    expect(consumer).toMatchObject({
      service: 'notifications',
      kind: SPAN_KIND.CONSUMER,
      name: 'process plants.care-schedule',
      links: [{ traceId: client.traceId, spanId: publish?.spanId }],
    });
    expect(consumer?.traceId).not.toBe(client.traceId);
    // The reminder was planned in the consumer's trace: its SQL is there, in notifications.
    const planned = await receiver.waitFor((all) =>
      all.some((s) => s.traceId === consumer?.traceId && s.name === 'prisma:client:db_query'),
    );
    const sql = planned.filter((s) => s.traceId === consumer?.traceId && s.name === 'prisma:client:db_query');
    expect(sql.every((s) => s.service === 'notifications')).toBe(true);
  });

  it('links a notification pushed live: dispatch → pub/sub receipt, router subscription → each event', async () => {
    const client = createClient({
      url: `${t.router1.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: headers,
      retryAttempts: 0,
    });
    const received: unknown[] = [];
    const unsubscribe = client.subscribe(
      { query: 'subscription Reminders { notificationReceived { id title } }', operationName: 'Reminders' },
      { next: (result) => received.push(result), error: (error) => received.push(error), complete: () => {} },
    );
    try {
      // Live push is at-most-once: until the subscription is set up end to end, a test notification may be missed.
      for (let attempt = 0; attempt < 5 && received.length === 0; attempt++) {
        await call(router, 'mutation { sendTestNotification(channels: [IN_APP]) { id } }', {}, headers);
        const deadline = Date.now() + 2_000;
        while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      }
      expect(received).toMatchObject([{ data: { notificationReceived: { id: expect.any(String) } } }]);
      const linked = (spans: ReceivedSpan[], from: string, to: string) =>
        spans.find(
          (s) => s.name === to && s.links.some((l) => spans.some((p) => p.name === from && p.spanId === l.spanId)),
        );
      const spans = await receiver
        .waitFor(
          (all) =>
            !!linked(all, 'publish notifications.user', 'receive notifications.user') &&
            !!linked(all, 'subscribe Reminders', 'subscription event'),
        )
        .catch(() => {
          const relevant = receiver.spans().filter((s) => /publish notif|receive|subscri|dispatch/.test(s.name));
          throw new Error(
            JSON.stringify(
              relevant.map((s) => [s.service, s.name, s.spanId, s.links]),
              null,
              1,
            ),
          );
        });
      const receipt = linked(spans, 'publish notifications.user', 'receive notifications.user');
      expect(receipt).toMatchObject({ service: 'notifications', kind: SPAN_KIND.CONSUMER });
      // The publish belongs to the dispatch's trace.
      const publish = spans.find((s) => s.spanId === receipt?.links[0]?.spanId);
      const dispatch = spans.find((s) => s.traceId === publish?.traceId && s.name === 'dispatch notification');
      expect(dispatch).toMatchObject({ service: 'notifications', kind: SPAN_KIND.CONSUMER });
      // …and links back to the work that created the notification: here the sendTestNotification request through
      // the router (for a reminder, the care-schedule event that planned it).
      const plannedBy = dispatch?.links[0];
      expect(plannedBy?.traceId).toBeDefined();
      await receiver.waitFor((all) =>
        all.some((s) => s.traceId === plannedBy?.traceId && s.service === 'router' && s.kind === SPAN_KIND.SERVER),
      );
      const event = linked(spans, 'subscribe Reminders', 'subscription event');
      expect(event).toMatchObject({ service: 'router', kind: SPAN_KIND.CONSUMER });
      const subscribe = spans.find((s) => s.spanId === event?.links[0]?.spanId);
      expect(subscribe).toMatchObject({ service: 'router', attributes: { 'bloomzy.subgraph': 'notifications' } });
    } finally {
      unsubscribe();
      await client.dispose();
    }
  });
});
