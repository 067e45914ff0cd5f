/** The revocation list, in memory always and on Redis when REDIS_URL is set (required in CI). */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryPubSub, RedisPubSub } from '../messaging/pubsub.js';
import { testRedisUrl } from '../testing/test-database.js';
import { MemoryRevocationStore, RedisRevocationStore, RevocationListIncomplete } from './revocations.js';

const redisUrl = testRedisUrl();
const unique = () => `test-${Date.now()}-${Math.random().toString(36).slice(2)}`;

const connections: Redis[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
  connections.forEach((c) => c.disconnect());
});

describe('memory revocation list', () => {
  it('lists an id until its time runs out, and is complete from the start', async () => {
    const store = new MemoryRevocationStore();
    expect(await store.isComplete()).toBe(true);
    await store.revoke('a', 0.05);
    expect(await store.isRevoked('a')).toBe(true);
    expect(await store.isRevoked('b')).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.isRevoked('a')).toBe(false);
  });

  it('pushes each revocation to every listener on the same pub/sub', async () => {
    const pubsub = new MemoryPubSub();
    const [auth, router] = [new MemoryRevocationStore(pubsub), new MemoryRevocationStore(pubsub)];
    const feed = router.revoked();
    await auth.revoke('session-1', 60);
    expect(await feed.next()).toEqual({ done: false, value: 'session-1' });
    await feed.return?.();
    expect(await feed.next()).toMatchObject({ done: true });
  });

  it('restores entries (a fresh process) from what the database says', async () => {
    const store = new MemoryRevocationStore();
    expect(await store.restore(async () => [{ id: 'old', ttlSeconds: 60 }])).toBe(true);
    expect(await store.isRevoked('old')).toBe(true);
  });
});

describe.skipIf(!redisUrl)('Redis revocation list', () => {
  const make = () => {
    const redis = new Redis(redisUrl ?? '');
    connections.push(redis);
    const prefix = `${unique()}:`;
    const pubsub = new RedisPubSub(redis, `${prefix}pubsub:`);
    closers.push(async () => {
      await pubsub.close();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
    });
    return { redis, prefix, pubsub, store: new RedisRevocationStore(redis, pubsub, `${prefix}revoked:`) };
  };

  it('cannot answer until restored, so an empty Redis never reads as "not revoked"', async () => {
    const { store } = make();
    expect(await store.isComplete()).toBe(false);
    await expect(store.isRevoked('x')).rejects.toBeInstanceOf(RevocationListIncomplete);
    expect(await store.restore(async () => [{ id: 'gone-before', ttlSeconds: 60 }])).toBe(true);
    expect(await store.isComplete()).toBe(true);
    expect(await store.isRevoked('gone-before')).toBe(true);
    expect(await store.isRevoked('x')).toBe(false);
  });

  it('is incomplete again once Redis loses its data, and the next restore brings the entries back', async () => {
    const { redis, prefix, store } = make();
    await store.restore(async () => []);
    await store.revoke('logged-out', 60);
    // What a restart without persistence does to this list: every key is gone.
    const keys = await redis.keys(`${prefix}*`);
    await redis.del(...keys);
    await expect(store.isRevoked('logged-out')).rejects.toBeInstanceOf(RevocationListIncomplete);
    expect(await store.restore(async () => [{ id: 'logged-out', ttlSeconds: 60 }])).toBe(true);
    expect(await store.isRevoked('logged-out')).toBe(true);
    expect(await redis.ttl(`${prefix}revoked:logged-out`)).toBeGreaterThan(55);
  });

  it('writes nothing when the data is lost while it loads, since what it loaded may miss a revocation', async () => {
    const { redis, prefix, store } = make();
    const restored = await store.restore(async () => {
      // Lost mid-restore: a revocation listed after the load began could be gone with it.
      await redis.del(...(await redis.keys(`${prefix}*`)));
      return [{ id: 'loaded', ttlSeconds: 60 }];
    });
    expect(restored).toBe(false);
    expect(await store.isComplete()).toBe(false);
    expect(await redis.exists(`${prefix}revoked:loaded`)).toBe(0);
  });

  it('leaves a restore under way elsewhere alone, and rewrites entries of a complete list', async () => {
    const { store } = make();
    let other: Promise<boolean> | undefined;
    const first = store.restore(async () => {
      other = store.restore(async () => [{ id: 'second', ttlSeconds: 60 }]);
      expect(await other).toBe(false); // the first holds the claim
      return [{ id: 'first', ttlSeconds: 60 }];
    });
    expect(await first).toBe(true);
    expect(await store.restore(async () => [{ id: 'repaired', ttlSeconds: 60 }])).toBe(true);
    expect(await store.isRevoked('first')).toBe(true);
    expect(await store.isRevoked('repaired')).toBe(true);
    expect(await store.isRevoked('second')).toBe(false);
  });

  it('answers for many ids in one read, and refuses to answer while incomplete', async () => {
    const { store } = make();
    await expect(store.areRevoked(['a'])).rejects.toBeInstanceOf(RevocationListIncomplete);
    await store.restore(async () => []);
    await store.revoke('b', 60);
    expect(await store.areRevoked(['a', 'b', 'c'])).toEqual([false, true, false]);
    expect(await store.areRevoked([])).toEqual([]);
  });

  it('pushes revocations to other processes', async () => {
    const a = make();
    const b = new RedisRevocationStore(a.redis, a.pubsub, `${a.prefix}revoked:`);
    const listener = make();
    const otherPubSub = new RedisPubSub(listener.redis, `${a.prefix}pubsub:`);
    closers.push(() => otherPubSub.close());
    const other = new RedisRevocationStore(listener.redis, otherPubSub, `${a.prefix}revoked:`);
    const feed = other.revoked();
    await new Promise((r) => setTimeout(r, 100)); // the subscription reaches Redis
    await b.restore(async () => []);
    await b.revoke('pushed', 60);
    expect(await feed.next()).toEqual({ done: false, value: 'pushed' });
    await feed.return?.();
  });
});
