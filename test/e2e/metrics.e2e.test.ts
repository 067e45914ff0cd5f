/**
 * `/metrics` as Prometheus reads it, from the whole stack in one process (as `npm start` runs it, one listener for
 * every service): the text is parsed, a few client operations run through the router (queries, one failing, one
 * refused by the rate limit, a live notification over graphql-ws) and the counters and histograms they should move
 * move, with the labels dashboards and alerts query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@bloomzy/shared/logger';
import { startProcessMetrics, type ProcessMetrics } from '@bloomzy/shared/metrics/process-metrics';
import { signupUser, startStack, type Stack } from './harness.js';
import { scrape as scrapeUrl, sum } from './prometheus-text.js';

const LIMIT = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('metrics e2e', () => {
  let stack: Stack;
  let metrics: ProcessMetrics;
  const scrape = () => scrapeUrl(metrics.url as string);

  beforeAll(async () => {
    stack = await startStack({
      env: {
        RATE_LIMIT_REQUESTS: String(LIMIT),
        RATE_LIMIT_WINDOW_SECONDS: '60',
        RATE_LIMIT_REFUSAL_DELAY_MS: '0',
        TRUSTED_PROXIES: 'loopback',
      },
    });
    metrics = await startProcessMetrics({
      service: 'bloomzy',
      config: { metrics: { host: '127.0.0.1', port: 0 } },
      logger: createLogger({ service: 'e2e', level: 'error' }),
    });
  });
  afterAll(async () => {
    await metrics?.stop();
    await stack?.stop();
  });

  it('serves Node runtime metrics and the readiness of every dependency, labelled by service', async () => {
    const samples = await scrape();
    expect(sum(samples, 'process_resident_memory_bytes', { service: 'bloomzy' })).toBeGreaterThan(10_000_000);
    expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
    for (const name of ['auth', 'plants', 'notifications']) {
      expect(sum(samples, 'bloomzy_dependency_up', { service: name, dependency: 'database' }), name).toBe(1);
      expect(sum(samples, 'bloomzy_dependency_up', { service: 'router', dependency: `subgraph:${name}` }), name).toBe(
        1,
      );
    }
  });

  it('counts and times operations by name and outcome, at the router and the subgraphs it fetches from', async () => {
    const before = await scrape();
    const catalog = 'query MetricsCatalog { indoorPlants(first: 2) { totalCount edges { node { id } } } }';
    for (let i = 0; i < 2; i++) expect((await stack.query(catalog)).errors).toBeUndefined();
    // Refused by validation: the outcome is the code the client got.
    const denied = await stack.query('query MetricsBroken { noSuchField }');
    const code = denied.errors?.[0]?.extensions?.code as string;
    expect(code).toMatch(/^[A-Z_]+$/);
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      sum(after, name, labels) - sum(before, name, labels);

    const ok = { service: 'router', operation: 'MetricsCatalog', type: 'query', outcome: 'OK' };
    expect(moved('bloomzy_graphql_operations_total', ok)).toBe(2);
    expect(moved('bloomzy_graphql_operation_duration_seconds_count', ok)).toBe(2);
    // Every observation falls in the +Inf bucket; the sum of durations is positive.
    expect(moved('bloomzy_graphql_operation_duration_seconds_bucket', { ...ok, le: '+Inf' })).toBe(2);
    expect(moved('bloomzy_graphql_operation_duration_seconds_sum', ok)).toBeGreaterThan(0);
    const failed = { service: 'router', operation: 'MetricsBroken', outcome: code };
    expect(moved('bloomzy_graphql_operations_total', failed)).toBe(1);
    // The router's fetches to plants, and plants' own count of the operations it answered and the SQL it ran.
    expect(moved('bloomzy_subgraph_fetch_duration_seconds_count', { subgraph: 'plants', outcome: 'ok' })).toBe(2);
    // The gateway names its subgraph operations after the client's (MetricsCatalog__plants__0).
    const plantsOps = (samples: typeof after) =>
      samples
        .filter((x) => x.name === 'bloomzy_graphql_operations_total' && x.labels.service === 'plants')
        .filter((x) => x.labels.operation?.startsWith('MetricsCatalog') && x.labels.outcome === 'OK')
        .reduce((total, x) => total + x.value, 0);
    expect(plantsOps(after) - plantsOps(before)).toBe(2);
    expect(moved('bloomzy_sql_duration_seconds_count', { service: 'plants', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    // Operation names are labels; the query text never is.
    const operations = new Set(after.map((s) => s.labels.operation).filter(Boolean));
    for (const name of operations) expect(name).toMatch(/^[_A-Za-z][_0-9A-Za-z]*$/);
  });

  it('counts refusals by the rate limit', async () => {
    const before = await scrape();
    const client = { 'x-forwarded-for': '203.0.113.77' };
    const answers = [];
    for (let i = 0; i <= LIMIT; i++) answers.push(await stack.query('query MetricsFlood { __typename }', {}, client));
    expect(answers.at(-1)?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const after = await scrape();
    const refused = { service: 'router', limit: 'requests' };
    expect(
      sum(after, 'bloomzy_rate_limit_refusals_total', refused) -
        sum(before, 'bloomzy_rate_limit_refusals_total', refused),
    ).toBe(1);
  });

  it('follows a live notification: connection and subscription gauges, dispatch lag, status and live delivery', async () => {
    const user = await signupUser(stack);
    const before = await scrape();
    const client = stack.wsClient({ authorization: user.headers.authorization });
    const received: unknown[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: 'subscription MetricsLive { notificationReceived { id title } }' },
        { next: (event) => (received.push(event), resolve()), error: reject, complete: () => undefined },
      );
    });
    // The subscription reaches notifications before the mutation publishes.
    for (let i = 0; i < 50 && sum(await scrape(), 'bloomzy_websocket_subscriptions', { service: 'router' }) < 1; i++) {
      await sleep(50);
    }
    const open = await scrape();
    expect(sum(open, 'bloomzy_websocket_connections', { service: 'router' })).toBeGreaterThanOrEqual(1);
    expect(sum(open, 'bloomzy_websocket_subscriptions', { service: 'router' })).toBeGreaterThanOrEqual(1);
    await stack.query('mutation MetricsTest { sendTestNotification(channels: [IN_APP]) { id } }', {}, user.headers);
    await done;
    expect(received).toHaveLength(1);
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      sum(after, name, labels) - sum(before, name, labels);
    expect(moved('bloomzy_live_events_delivered_total', { service: 'notifications' })).toBe(1);
    expect(moved('bloomzy_notifications_total', { service: 'notifications', status: 'SENT' })).toBe(1);
    expect(moved('bloomzy_reminder_dispatch_lag_seconds_count', { service: 'notifications' })).toBe(1);
    expect(
      moved('bloomzy_subgraph_fetch_duration_seconds_count', { subgraph: 'notifications' }),
    ).toBeGreaterThanOrEqual(1);

    await client.dispose();
    for (let i = 0; i < 50 && sum(await scrape(), 'bloomzy_websocket_connections', { service: 'router' }) > 0; i++) {
      await sleep(50);
    }
    const closed = await scrape();
    expect(sum(closed, 'bloomzy_websocket_connections', { service: 'router' })).toBe(0);
    expect(sum(closed, 'bloomzy_websocket_subscriptions', { service: 'router' })).toBe(0);
  });
});
