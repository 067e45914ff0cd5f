/**
 * Redis going away and coming back, on a redis-server of the test's own: readiness, fail-fast retryable errors,
 * recovery without a restart, the pub/sub subscriber under a burst of subscriptions, and consumers after data loss.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCoordination, type Coordination } from '../coordination.js';
import { createErrorFormatter } from '../errors.js';
import { createLogger } from '../logger.js';
import { RedisEventBus } from '../messaging/event-bus.js';
import { RedisPubSub } from '../messaging/pubsub.js';
import { startTestRedisServer, type TestRedisServer } from '../testing/redis-server.js';
import { isDependencyOutage } from './outage.js';
import { connectRedis } from './redis-client.js';
import { StartupTimeoutError } from './startup.js';

const logger = createLogger({ service: 'redis-outage-test', level: 'silent' });
const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};

let server: TestRedisServer;
// What would end or pollute a service: a rejected promise nobody handles (Node ends the process), or an ioredis client
// without an error listener ("[ioredis] Unhandled error event", printed with console.error).
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const consoleError = vi.spyOn(console, 'error');
beforeAll(async () => {
  server = await startTestRedisServer();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  consoleError.mockRestore();
  await server.stop();
});
afterEach(async () => {
  // Every test leaves the server running, whatever it did to it.
  await server.start().catch(() => undefined);
  expect(unhandled).toEqual([]);
  expect(consoleError.mock.calls.filter((call) => String(call[0]).includes('[ioredis]'))).toEqual([]);
});

describe('a Redis outage', () => {
  let coordination: Coordination;
  afterEach(() => coordination.close());

  it('makes ready() false and commands fail at once with a retryable error, and recovers by itself', async () => {
    coordination = await createCoordination({ redisUrl: server.url, logger, keyPrefix: 'outage' });
    expect(await coordination.ready()).toBe(true);
    // Auth restores the revocation list from its database at start-up; an empty one stands in for that here.
    expect(await coordination.revocations.restore(async () => [])).toBe(true);
    expect(await coordination.revocations.isRevoked('some-session')).toBe(false);
    await server.stop();
    await until(async () => !(await coordination.ready()));

    const started = Date.now();
    const failure = await coordination.revocations.isRevoked('some-session').catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(500);
    expect(isDependencyOutage(failure)).toBe(true);
    const format = createErrorFormatter({ production: true, log: () => {} });
    expect(format({ message: 'Unexpected error' }, failure)).toEqual({
      message: 'Service temporarily unavailable; try again shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
    });

    await server.start();
    await until(() => coordination.ready());
    // This server restarts without its data: until auth restores the list, nothing can be called not revoked.
    const incomplete = await coordination.revocations.isRevoked('some-session').catch((error: unknown) => error);
    expect(format({ message: 'Unexpected error' }, incomplete).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    expect(await coordination.revocations.restore(async () => [])).toBe(true);
    expect(await coordination.revocations.isRevoked('some-session')).toBe(false);
  });
});

describe('the pub/sub subscriber', () => {
  const clients: Redis[] = [];
  afterEach(() => clients.splice(0).forEach((client) => client.disconnect()));
  const lazyClient = () => {
    const client = new Redis(server.url, { lazyConnect: true });
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  };

  it('takes 100 subscriptions at once on a fresh lazily connecting client, and delivers to all', async () => {
    for (let round = 0; round < 5; round++) {
      const pubsub = new RedisPubSub(lazyClient(), `race${round}:`, logger);
      const iterators = Array.from({ length: 100 }, (_, i) => pubsub.subscribe<{ n: number }>(`topic-${i % 40}`));
      await pubsub.ready();
      const publisher = lazyClient();
      for (let i = 0; i < 40; i++) await publisher.publish(`race${round}:topic-${i}`, JSON.stringify({ n: i }));
      const received = await Promise.all(iterators.map(async (it) => (await it.next()).value));
      expect(received).toEqual(Array.from({ length: 100 }, (_, i) => ({ n: i % 40 })));
      await pubsub.close();
    }
  });

  it('rejects every publish of a burst while Redis is down, and publishes again once it is back', async () => {
    const publisher = await connectRedis(server.url, logger, 5_000);
    clients.push(publisher);
    const pubsub = new RedisPubSub(publisher, 'burst:', logger);
    const feed = pubsub.subscribe<{ n: number }>('topic');
    await pubsub.ready();
    await server.stop();
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, n) => pubsub.publish('topic', { n })));
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('rejected'));
    await server.start();
    // Once the subscriber has resubscribed (on reconnect), a publish arrives.
    await until(async () =>
      publisher.pubsub('NUMSUB', 'burst:topic').then(
        (reply) => Number((reply as [string, number])[1]) > 0,
        () => false, // not reconnected yet
      ),
    );
    await pubsub.publish('topic', { n: 5 });
    expect((await feed.next()).value).toEqual({ n: 5 });
    await pubsub.close();
  });

  it('drops a message that is not JSON and keeps delivering', async () => {
    const pubsub = new RedisPubSub(lazyClient(), 'junk:', logger);
    const iterator = pubsub.subscribe<{ n: number }>('topic');
    await pubsub.ready();
    const publisher = lazyClient();
    await publisher.publish('junk:topic', 'not json {');
    await publisher.publish('junk:topic', JSON.stringify({ n: 1 }));
    expect((await iterator.next()).value).toEqual({ n: 1 });
    await pubsub.close();
  });

  it('survives subscriptions made while Redis is down and serves them once it is back', async () => {
    const pubsub = new RedisPubSub(lazyClient(), 'outage:', logger);
    const before = pubsub.subscribe<{ n: number }>('before');
    await pubsub.ready();
    await server.stop();
    const during = Array.from({ length: 20 }, (_, i) => pubsub.subscribe<{ n: number }>(`during-${i}`));
    await new Promise((r) => setTimeout(r, 300));
    await server.start();
    await until(() => pubsub.connected);
    await pubsub.ready();
    const publisher = lazyClient();
    // Resubscribing runs on 'ready'; publish until the subscriptions are in place.
    await until(
      async () => Number(((await publisher.pubsub('NUMSUB', 'outage:during-19')) as [string, number])[1]) > 0,
    );
    await publisher.publish('outage:before', JSON.stringify({ n: -1 }));
    for (let i = 0; i < 20; i++) await publisher.publish(`outage:during-${i}`, JSON.stringify({ n: i }));
    expect((await before.next()).value).toEqual({ n: -1 });
    expect(await Promise.all(during.map(async (it) => (await it.next()).value))).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ n: i })),
    );
    await pubsub.close();
  });
});

describe('an event consumer', () => {
  it('recreates its group after Redis lost its data and loses nothing published meanwhile', async () => {
    const redis = await connectRedis(server.url, logger, 5_000);
    const bus = new RedisEventBus(redis, logger, { blockMs: 100, claimIdleMs: 300 }, 'loss:');
    const seen: number[] = [];
    const consumer = bus.consume<{ n: number }>('care', 'notifications', async (event) => void seen.push(event.n));
    await until(async () => (await redis.exists('loss:care').catch(() => 0)) === 1);
    await bus.publish('care', { n: 1 });
    await until(() => seen.includes(1));

    await server.stop(); // restarts empty: stream and group are gone
    await server.start();
    await until(() => redis.status === 'ready');
    // Published before the consumer noticed: the stream exists again, the group does not.
    for (let n = 2; n <= 5; n++) await bus.publish('care', { n });
    await until(() => seen.includes(5));
    expect(seen).toEqual([1, 2, 3, 4, 5]);

    // The group alone destroyed (an operator's mistake): recreated from the stream's start, so redelivered, not lost.
    await redis.xgroup('DESTROY', 'loss:care', 'notifications');
    await bus.publish('care', { n: 6 });
    await until(() => seen.includes(6));
    await consumer.stop();
    redis.disconnect();
  });
});

describe('start-up', () => {
  it('waits for Redis with backoff and connects once it answers', async () => {
    await server.stop();
    setTimeout(() => void server.start(), 700);
    const redis = await connectRedis(server.url, logger, 10_000);
    expect(await redis.ping()).toBe('PONG');
    redis.disconnect();
  });

  it('gives up after the timeout naming REDIS_URL', async () => {
    await server.stop();
    const started = Date.now();
    const error = await connectRedis(server.url, logger, 600).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupTimeoutError);
    expect((error as StartupTimeoutError).variable).toBe('REDIS_URL');
    expect((error as Error).message).toMatch(/^REDIS_URL: Redis at 127\.0\.0\.1:\d+ did not answer within 1 s/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
