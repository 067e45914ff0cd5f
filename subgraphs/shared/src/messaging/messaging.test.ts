/** Pub/sub and the event bus, in memory always and on Redis when REDIS_URL is set (required in CI). */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger, type Logger } from '../logger.js';
import { testRedisUrl } from '../testing/test-database.js';
import { defineTopic, MemoryEventBus, RedisEventBus, type EventBus } from './event-bus.js';
import { MemoryPubSub, RedisPubSub, type PubSub } from './pubsub.js';

const logger = createLogger({ service: 'test', level: 'error' });
const redisUrl = testRedisUrl();
const unique = () => `test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

const connections: Redis[] = [];
afterAll(() => connections.forEach((c) => c.disconnect()));
const redis = () => {
  const c = new Redis(redisUrl as string);
  connections.push(c);
  return c;
};

const pubsubs: [string, () => [PubSub, PubSub]][] = [
  [
    'memory',
    () => {
      const p = new MemoryPubSub();
      return [p, p];
    },
  ],
];
if (redisUrl) pubsubs.push(['redis', () => [new RedisPubSub(redis()), new RedisPubSub(redis())]]);

describe.each(pubsubs)('%s pub/sub', (_kind, make) => {
  it('delivers to every subscriber of a topic, and nothing after return()', async () => {
    const [a, b] = make();
    const topic = unique();
    const first = a.subscribe<{ n: number }>(topic);
    const second = b.subscribe<{ n: number }>(topic);
    if (a instanceof RedisPubSub) await Promise.all([a.ready(), (b as RedisPubSub).ready()]);
    await new Promise((r) => setTimeout(r, 50));
    await a.publish(topic, { n: 1 });
    expect((await first.next()).value).toEqual({ n: 1 });
    expect((await second.next()).value).toEqual({ n: 1 });
    await first.return?.();
    expect((await first.next()).done).toBe(true);
    await a.close();
    await b.close();
  });

  it('delivers a burst published in one turn (sent together) to each topic in order, every publish resolving', async () => {
    const [a, b] = make();
    const topics = [unique(), unique()];
    const feeds = topics.map((topic) => b.subscribe<{ n: number }>(topic));
    if (b instanceof RedisPubSub) await b.ready();
    await new Promise((r) => setTimeout(r, 50));
    await Promise.all(Array.from({ length: 200 }, (_, n) => a.publish(topics[n % 2]!, { n })));
    for (const [i, feed] of feeds.entries()) {
      for (let n = i; n < 200; n += 2) expect((await feed.next()).value).toEqual({ n });
    }
    await a.close();
    await b.close();
  });
});

/** A logger that keeps its warnings, for asserting what a bus logged. */
function recordingLogger(): Logger & { warnings: { msg: string; fields?: Record<string, unknown> }[] } {
  const warnings: { msg: string; fields?: Record<string, unknown> }[] = [];
  const self: Logger & { warnings: typeof warnings } = {
    ...createLogger({ service: 'test', level: 'silent' }),
    warnings,
    warn: (msg: string, fields?: Record<string, unknown>) => void warnings.push({ msg, fields }),
    child: () => self,
  };
  return self;
}

const buses: [string, (log?: Logger) => [EventBus, EventBus]][] = [
  [
    'memory',
    (log = logger) => {
      const b = new MemoryEventBus(log);
      return [b, b];
    },
  ],
];
if (redisUrl) {
  buses.push([
    'redis',
    (log = logger) => [
      new RedisEventBus(redis(), log, { blockMs: 100, claimIdleMs: 300 }),
      new RedisEventBus(redis(), log, { blockMs: 100, claimIdleMs: 300 }),
    ],
  ]);
}

describe.each(buses)('%s event bus', (_kind, make) => {
  it('delivers each event once per consumer group, and again after a handler failure', async () => {
    const [a, b] = make();
    const stream = unique();
    const seenA: number[] = [];
    const seenB: number[] = [];
    const other: number[] = [];
    let failOnce = true;
    a.consume<{ n: number }>(stream, 'group', async ({ n }) => {
      if (n === 2 && failOnce) {
        failOnce = false;
        throw new Error('transient');
      }
      seenA.push(n);
    });
    b.consume<{ n: number }>(stream, 'group', async ({ n }) => void seenB.push(n));
    a.consume<{ n: number }>(stream, 'other-group', async ({ n }) => void other.push(n));
    for (let n = 1; n <= 10; n++) await a.publish(stream, { n });
    await until(() => seenA.length + seenB.length >= 10 && other.length >= 10, 10_000);
    // Within a group the events are shared out (at least once overall, each of them handled); another group sees all.
    expect(new Set([...seenA, ...seenB])).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect([...other].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await a.close();
    await b.close();
  });

  it('hands a topic consumer only events that match its schema, and logs and drops the others once', async () => {
    const log = recordingLogger();
    const [bus] = make(log);
    const topic = defineTopic(unique(), z.object({ n: z.number().int() }));
    const seen: number[] = [];
    bus.consume(topic, 'group', async ({ n }) => void seen.push(n));
    await bus.publish(topic.stream, { n: 1 });
    await bus.publish(topic.stream, { n: 'two' });
    await bus.publish(topic.stream, { n: 3, extra: true });
    await until(() => seen.length >= 2);
    // Longer than the Redis bus's claimIdleMs: an unacknowledged event would have come back by now.
    await new Promise((r) => setTimeout(r, 700));
    expect(seen).toEqual([1, 3]);
    const drops = log.warnings.filter((w) => w.msg.includes('does not match'));
    expect(drops).toHaveLength(1);
    expect(drops[0]?.fields).toMatchObject({
      stream: topic.stream,
      issues: [{ path: 'n', message: expect.any(String) }],
      event: { n: 'two' },
    });
    await bus.close();
  });
});

describe.each(buses)('%s event bus in batches', (kind, make) => {
  /**
   * Redis: published before the consumer's group exists, so its first read takes them all; memory: published in one
   * turn of the event loop after it subscribed (the memory bus has no stream to keep them in before).
   */
  async function deliverTogether(bus: EventBus, stream: string, events: object[], consume: () => void) {
    if (kind === 'redis') {
      for (const event of events) await bus.publish(stream, event);
      consume();
    } else {
      consume();
      await Promise.all(events.map((event) => bus.publish(stream, event)));
    }
  }

  it('hands over the events that arrived together as one batch, in order, dropping those that fail their schema', async () => {
    const [bus] = make();
    const topic = defineTopic(unique(), z.object({ n: z.number().int() }));
    const batches: number[][] = [];
    await deliverTogether(
      bus,
      topic.stream,
      [1, 2, 3, 4, 5, 'six', 7].map((n) => ({ n })),
      () => void bus.consumeBatches(topic, 'group', async (events) => void batches.push(events.map((e) => e.n))),
    );
    await until(() => batches.flat().length >= 6, 10_000);
    // Longer than the Redis bus's claimIdleMs: an unacknowledged event would have come back by now.
    await new Promise((r) => setTimeout(r, 700));
    expect(batches).toEqual([[1, 2, 3, 4, 5, 7]]);
    await bus.close();
  });

  it('after a failed batch hands its events over one by one, so one that keeps failing holds back only itself', async () => {
    const [bus] = make();
    const topic = defineTopic(unique(), z.object({ n: z.number().int() }));
    const handled: number[] = [];
    const tries = new Map<number, number>();
    await deliverTogether(
      bus,
      topic.stream,
      [1, 2, 3, 4].map((n) => ({ n })),
      () =>
        void bus.consumeBatches(topic, 'group', async (events) => {
          for (const { n } of events) tries.set(n, (tries.get(n) ?? 0) + 1);
          if (events.some((e) => e.n === 3)) throw new Error('event 3 can never be applied');
          handled.push(...events.map((e) => e.n));
        }),
    );
    await until(() => handled.length >= 3 && (tries.get(3) ?? 0) >= 3, 10_000);
    expect([...handled].sort()).toEqual([1, 2, 4]);
    // The others went through once in their batch, which failed, then once each on their own.
    expect([1, 2, 4].map((n) => tries.get(n))).toEqual([2, 2, 2]);
    await bus.close();
  });
});

describe.skipIf(!redisUrl)('redis event bus payloads', () => {
  it('tells the outbox once that a stream was lost, by a marker the loss takes with it', async () => {
    const connection = redis();
    const bus = new RedisEventBus(connection, recordingLogger(), { blockMs: 100 });
    const stream = unique();
    // Nothing held before the first question (nothing published, so nothing to publish again).
    expect(await bus.confirmHeld(stream)).toBe(false);
    expect(await bus.confirmHeld(stream)).toBe(true);
    await connection.del(`bloomzy:events:held:${stream}`); // what a restart without data does to it
    expect(await bus.confirmHeld(stream)).toBe(false);
    expect(await bus.confirmHeld(stream)).toBe(true);
    await connection.del(`bloomzy:events:held:${stream}`);
  });

  it('drops a topic event that is not JSON instead of retrying it forever', async () => {
    const log = recordingLogger();
    const connection = redis();
    const bus = new RedisEventBus(connection, log, { blockMs: 100, claimIdleMs: 300 });
    const topic = defineTopic(unique(), z.object({ n: z.number() }));
    const seen: number[] = [];
    bus.consume(topic, 'group', async ({ n }) => void seen.push(n));
    await connection.xadd(`bloomzy:events:${topic.stream}`, '*', 'data', '{not json');
    await bus.publish(topic.stream, { n: 1 });
    await until(() => seen.length === 1);
    await new Promise((r) => setTimeout(r, 700));
    expect(log.warnings.filter((w) => w.msg.includes('not JSON'))).toHaveLength(1);
    await bus.close();
  });
});

describe.skipIf(!redisUrl)('redis event bus restarts', () => {
  it('takes back its own unacknowledged events at once when restarted under the same consumer name', async () => {
    const stream = unique();
    const crashed = new RedisEventBus(redis(), logger, {
      blockMs: 100,
      claimIdleMs: 60_000,
      consumerName: 'instance-a',
    });
    let started = false;
    // The handler never finishes: the process "dies" holding the event unacknowledged.
    crashed.consume(stream, 'group', () => {
      started = true;
      return new Promise<void>(() => {});
    });
    await crashed.publish(stream, { n: 1 });
    await until(() => started);
    void crashed.close(); // does not wait for the stuck handler
    const seen: number[] = [];
    const restarted = new RedisEventBus(redis(), logger, {
      blockMs: 100,
      claimIdleMs: 60_000,
      consumerName: 'instance-a',
    });
    restarted.consume<{ n: number }>(stream, 'group', async ({ n }) => void seen.push(n));
    // Well before the 60 s reclaim: it came back through the consumer's own pending list.
    await until(() => seen.length === 1, 3_000);
    expect(seen).toEqual([1]);
    await restarted.close();
  });
});

describe('memory event bus shutdown', () => {
  it('a stopping consumer finishes the event in hand, drops pending retries, and gets nothing more', async () => {
    const bus = new MemoryEventBus(logger);
    const stream = unique();
    let finish: () => void = () => {};
    const handled: number[] = [];
    const consumer = bus.consume<{ n: number }>(stream, 'group', async ({ n }) => {
      if (n === 1) await new Promise<void>((r) => (finish = r));
      if (n === 2) throw new Error('always failing');
      handled.push(n);
    });
    await bus.publish(stream, { n: 1 });
    await bus.publish(stream, { n: 2 }); // fails, then waits 100 ms+ to retry
    let stopped = false;
    const stopping = consumer.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false); // still finishing event 1
    finish();
    const started = Date.now();
    await stopping;
    expect(Date.now() - started).toBeLessThan(1_000); // the retry of event 2 did not hold the stop
    expect(handled).toEqual([1]);
    await bus.publish(stream, { n: 3 });
    await bus.drain();
    expect(handled).toEqual([1]);
    await bus.close();
  });
});
