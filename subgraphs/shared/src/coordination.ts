/**
 * The shared moving parts beside each service's own database: pub/sub for live subscriptions, the durable event bus
 * and the revocation list. With REDIS_URL they live in Redis (production topology, several instances); without it in
 * memory, shared by the services of one `npm start` process.
 */
import { Redis } from 'ioredis';
import { MemoryRevocationStore, RedisRevocationStore, type RevocationStore } from './auth/revocations.js';
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
}

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
      close: async () => {
        await events.close();
        await pubsub.close();
      },
    };
  }
  const redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  const prefix = options.keyPrefix ?? 'bloomzy';
  const pubsub = new RedisPubSub(redis, `${prefix}:pubsub:`);
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
    close: async () => {
      await events.close();
      await pubsub.close();
      redis.disconnect();
    },
  };
}
