/**
 * The shared metrics: the GraphQL plugin's labels (operation name, type, outcome; never the query), the bound on
 * client-chosen label values, the `/metrics` listener, dependency probes, SQL timing at the driver adapter and the
 * event bus's backlog read from Redis.
 */
import { ApolloServer } from '@apollo/server';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { testRedisUrl } from '../testing/test-database.js';
import { watchDependency } from './dependency-metrics.js';
import { watchEventBus } from './event-bus-metrics.js';
import { graphqlMetrics } from './graphql-metrics.js';
import { startMetricsServer } from './metrics-server.js';
import { boundedLabel, metricsRegistry } from './registry.js';
import { timeStatements } from './sql-metrics.js';

const logger = createLogger({ service: 'test', json: true, level: 'fatal' });

/** The value of one series of a metric (a histogram's `_count` when `suffix` says so), 0 when absent. */
async function valueOf(name: string, labels: Record<string, string>, suffix = ''): Promise<number> {
  const metric = metricsRegistry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const { values } = await metric.get();
  const found = values.filter(
    (v) =>
      ((v as { metricName?: string }).metricName ?? name) === `${name}${suffix}` &&
      Object.entries(labels).every(([k, value]) => v.labels[k] === value),
  );
  return found.reduce((sum, v) => sum + v.value, 0);
}

describe('graphqlMetrics', () => {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { hello: String, broken: String, refused: String }',
    resolvers: {
      Query: {
        hello: () => 'hi',
        broken: () => {
          throw new Error('database gone');
        },
        refused: () => {
          throw new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
        },
      },
    },
    plugins: [graphqlMetrics('unit')],
  });
  afterAll(() => apollo.stop());
  const ops = (labels: Record<string, string>) =>
    valueOf('bloomzy_graphql_operations_total', { service: 'unit', ...labels });

  it('counts operations by name, type and outcome, and times them', async () => {
    const before = await ops({ operation: 'Hello', type: 'query', outcome: 'OK' });
    const timed = await valueOf(
      'bloomzy_graphql_operation_duration_seconds',
      { service: 'unit', operation: 'Hello' },
      '_count',
    );
    await apollo.executeOperation({ query: 'query Hello { hello }' });
    await apollo.executeOperation({ query: 'query Hello { hello }' });
    expect(await ops({ operation: 'Hello', type: 'query', outcome: 'OK' })).toBe(before + 2);
    expect(
      await valueOf('bloomzy_graphql_operation_duration_seconds', { service: 'unit', operation: 'Hello' }, '_count'),
    ).toBe(timed + 2);
  });

  it("labels an error by its code, an unnamed operation as anonymous and a document that doesn't parse as unknown", async () => {
    await apollo.executeOperation({ query: 'query Refused { refused }' });
    expect(await ops({ operation: 'Refused', outcome: 'FORBIDDEN' })).toBe(1);
    await apollo.executeOperation({ query: '{ broken }' });
    expect(await ops({ operation: 'anonymous', outcome: 'INTERNAL_SERVER_ERROR' })).toBe(1);
    await apollo.executeOperation({ query: 'query Bad {' });
    expect(await ops({ operation: 'anonymous', type: 'unknown', outcome: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
  });

  it('never puts the query text or variables in a label', async () => {
    await apollo.executeOperation({
      // Refused by validation ($x is unused), and still counted under its name.
      query: 'query Secret($x: String) { hello }',
      variables: { x: 'token-123' },
    });
    const text = await metricsRegistry.metrics();
    expect(await ops({ operation: 'Secret', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(text).not.toContain('token-123');
    expect(text).not.toContain('{ hello }');
  });
});

describe('boundedLabel', () => {
  it('keeps the first distinct values and folds the rest into "other"', () => {
    const label = boundedLabel(2);
    expect([label('a'), label('b'), label('c'), label('a'), label('d')]).toEqual(['a', 'b', 'other', 'a', 'other']);
  });
});

describe('startMetricsServer', () => {
  it('serves the registry in Prometheus text format on /metrics only', async () => {
    const server = await startMetricsServer({ host: '127.0.0.1', port: 0, logger });
    try {
      const response = await fetch(server.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      expect(await response.text()).toContain('# TYPE bloomzy_graphql_operations_total counter');
      expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('watchDependency', () => {
  it('probes each dependency at collection, a throwing probe as down, until unwatched', async () => {
    const up = watchDependency('deps', 'database', async () => true);
    const down = watchDependency('deps', 'redis', async () => {
      throw new Error('ECONNREFUSED');
    });
    expect(await valueOf('bloomzy_dependency_up', { service: 'deps', dependency: 'database' })).toBe(1);
    expect(await valueOf('bloomzy_dependency_up', { service: 'deps', dependency: 'redis' })).toBe(0);
    down();
    const metric = await metricsRegistry.getSingleMetric('bloomzy_dependency_up')?.get();
    expect(metric?.values.filter((v) => v.labels.dependency === 'redis')).toEqual([]);
    up();
  });
});

describe('timeStatements', () => {
  it('times every statement, in and out of transactions, by kind and outcome', async () => {
    const tx = {
      queryRaw: async (_query: { sql: string }) => ({ rows: [] }),
      executeRaw: async (_query: { sql: string }) => 1,
      commit: async () => {},
    };
    const adapter = {
      queryRaw: async (query: { sql: string }) => {
        if (query.sql === 'bad') throw new Error('syntax error');
        return { rows: [] };
      },
      executeRaw: async () => 1,
      startTransaction: async () => tx,
    };
    const factory = { connect: async () => adapter } as unknown as SqlMigrationAwareDriverAdapterFactory;
    const count = (statement: string, outcome: string) =>
      valueOf('bloomzy_sql_duration_seconds', { service: 'sql', statement, outcome }, '_count');
    const connected = (await timeStatements(factory, 'sql').connect()) as unknown as typeof adapter;
    await connected.queryRaw({ sql: 'select 1' });
    await expect(connected.queryRaw({ sql: 'bad' })).rejects.toThrow('syntax error');
    const inTx = (await connected.startTransaction()) as typeof tx;
    await inTx.executeRaw({ sql: 'update' });
    expect([await count('query', 'ok'), await count('query', 'error'), await count('execute', 'ok')]).toEqual([
      1, 1, 1,
    ]);
  });
});

const redisUrl = testRedisUrl();
describe.skipIf(!redisUrl)('watchEventBus (Redis)', () => {
  it('reports pending, undelivered and the oldest unacknowledged event per consumer group', async () => {
    const redis = new Redis(redisUrl as string);
    const prefix = `bloomzy-test:${Math.random().toString(36).slice(2)}:events:`;
    const key = `${prefix}plants.care-schedule`;
    try {
      await redis.xgroup('CREATE', key, 'notifications', '0', 'MKSTREAM');
      for (let i = 0; i < 3; i++) await redis.xadd(key, '*', 'data', '{}');
      await redis.xreadgroup('GROUP', 'notifications', 'c1', 'COUNT', 1, 'STREAMS', key, '>');
      const unwatch = watchEventBus({ service: 'bus', redis, prefix, streams: ['plants.care-schedule', 'none'] });
      const labels = { service: 'bus', stream: 'plants.care-schedule', group: 'notifications' };
      expect(await valueOf('bloomzy_event_bus_pending', labels)).toBe(1);
      expect(await valueOf('bloomzy_event_bus_lag', labels)).toBe(2);
      const oldest = await valueOf('bloomzy_event_bus_oldest_unacknowledged_seconds', labels);
      expect(oldest).toBeGreaterThanOrEqual(0);
      expect(oldest).toBeLessThan(60);
      unwatch();
    } finally {
      await redis.del(key);
      redis.disconnect();
    }
  });
});
