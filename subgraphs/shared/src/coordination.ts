/**
 * The shared moving parts beside each service's own database: pub/sub for live subscriptions, the durable event bus
 * and the revocation list. With REDIS_URL they live in Redis (production topology, several instances); without it in
 * memory, shared by the services of one `npm start` process.
 */
import type { Redis } from 'ioredis';
import { MemoryRevocationStore, RedisRevocationStore, type RevocationStore } from './auth/revocations.js';
import { connectRedis } from './deps/redis-client.js';
import type { Logger } from './logger.js';
import { MemoryEventBus, RedisEventBus, type EventBus } from './messaging/event-bus.js';
import { MemoryPubSub, RedisPubSub, type PubSub } from './messaging/pubsub.js';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './rate-limit.js';

export interface Coordination {
  kind: 'memory' | 'redis';
  redis: Redis | null;
  pubsub: PubSub;
  events: EventBus;
  revocations: RevocationStore;
  rateLimiter: RateLimiter;
  /** Whether Redis answers (always true in memory): part of every service's /ready. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CoordinationOptions {
  redisUrl?: string | undefined;
  logger: Logger;
  /**
   * Stable name of this instance as an event-bus consumer (e.g. INSTANCE_ID): after a restart it takes back its own
   * unacknowledged events at once instead of waiting for another consumer to reclaim them.
   */
  consumerName?: string | undefined;
  /** Prefix of every Redis key and channel ('bloomzy'); tests give each run its own so runs never meet. */
  keyPrefix?: string;
  /** How long a Redis event-bus read blocks waiting for events (ms); tests shorten it so consumers stop quickly. */
  eventBusBlockMs?: number;
  /** How long start-up waits for Redis before giving up (STARTUP_TIMEOUT_SECONDS); 30 s by default. */
  startupTimeoutMs?: number;
}

/** How long a readiness probe waits for Redis' PONG. */
const READY_PING_TIMEOUT_MS = 1_000;

export async function createCoordination(options: CoordinationOptions): Promise<Coordination> {
  if (!options.redisUrl) {
    const pubsub = new MemoryPubSub();
    const events = new MemoryEventBus(options.logger);
    return {
      kind: 'memory',
      redis: null,
      pubsub,
      events,
      revocations: new MemoryRevocationStore(pubsub),
      rateLimiter: new MemoryRateLimiter(),
      ready: async () => true,
      close: async () => {
        await events.close();
        await pubsub.close();
      },
    };
  }
  const redis = await connectRedis(options.redisUrl, options.logger, options.startupTimeoutMs ?? 30_000);
  const prefix = options.keyPrefix ?? 'bloomzy';
  const pubsub = new RedisPubSub(redis, `${prefix}:pubsub:`, options.logger);
  await pubsub.ready(); // the subscriber connection too, so /ready is true from the start
  const events = new RedisEventBus(
    redis,
    options.logger,
    {
      ...(options.consumerName ? { consumerName: options.consumerName } : {}),
      ...(options.eventBusBlockMs ? { blockMs: options.eventBusBlockMs } : {}),
    },
    `${prefix}:events:`,
  );
  return {
    kind: 'redis',
    redis,
    pubsub,
    events,
    revocations: new RedisRevocationStore(redis, pubsub, `${prefix}:revoked:`),
    rateLimiter: new RedisRateLimiter(redis, `${prefix}:rate`),
    // Ready while commands go through and the subscriber is connected (live subscriptions need it).
    ready: async () => pubsub.connected && (await pingWithin(redis, READY_PING_TIMEOUT_MS)),
    close: async () => {
      await events.close();
      await pubsub.close();
      redis.disconnect();
    },
  };
}

/** Whether Redis answers a PING within `ms` (the command connection fails at once while disconnected). */
function pingWithin(redis: Redis, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    redis.ping().then(
      () => (clearTimeout(timer), resolve(true)),
      () => (clearTimeout(timer), resolve(false)),
    );
  });
}
