/** Hit counters, in memory always and on Redis when REDIS_URL is set (required in CI). */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './rate-limit.js';
import { testRedisUrl } from './testing/test-database.js';

const redisUrl = testRedisUrl();
const unique = () => `test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const connections: Redis[] = [];
afterAll(() => connections.forEach((c) => c.disconnect()));

const limiters: [string, () => [RateLimiter, RateLimiter]][] = [
  [
    'memory',
    () => {
      const limiter = new MemoryRateLimiter();
      return [limiter, limiter];
    },
  ],
];
if (redisUrl) {
  limiters.push([
    'redis',
    () => {
      const [a, b] = [new Redis(redisUrl), new Redis(redisUrl)];
      connections.push(a, b);
      return [new RedisRateLimiter(a), new RedisRateLimiter(b)];
    },
  ]);
}

describe.each(limiters)('%s rate limiter', (_kind, make) => {
  it('counts hits per key, shared by every instance, until reset', async () => {
    const [a, b] = make();
    const key = unique();
    expect(await a.count(key)).toBe(0);
    expect(await a.hit(key, 60)).toBe(1);
    expect(await b.hit(key, 60)).toBe(2);
    expect(await Promise.all([a.hit(key, 60), b.hit(key, 60)])).toEqual(expect.arrayContaining([3, 4]));
    expect(await b.count(key)).toBe(4);
    expect(await a.count(unique())).toBe(0);
    await b.reset(key);
    expect(await a.count(key)).toBe(0);
    expect(await a.hit(key, 60)).toBe(1);
  });

  it('tells how long the current window has left, in whole seconds', async () => {
    const [a, b] = make();
    const key = unique();
    expect(await a.window(key)).toEqual({ hits: 0, resetsInSeconds: 0 });
    expect(await a.hitWindow(key, 900)).toEqual({ hits: 1, resetsInSeconds: 900 });
    await sleep(1_100);
    const later = await b.hitWindow(key, 900);
    expect(later.hits).toBe(2);
    expect(later.resetsInSeconds).toBeGreaterThanOrEqual(898);
    expect(later.resetsInSeconds).toBeLessThan(900);
    const seen = await a.window(key);
    expect(seen.hits).toBe(2);
    expect(later.resetsInSeconds - seen.resetsInSeconds).toBeLessThanOrEqual(1);
  });

  it('refuses a window longer than 24 days, which an in-memory timer could not hold', async () => {
    const [a] = make();
    await expect(a.hit(unique(), 25 * 86_400)).rejects.toThrow(RangeError);
    expect(await a.hit(unique(), 24 * 86_400)).toBe(1);
  });

  it('starts a new window when the first hit’s window has passed, later hits not extending it', async () => {
    const [a] = make();
    const key = unique();
    await a.hit(key, 2);
    await sleep(300);
    expect(await a.hit(key, 2)).toBe(2);
    await sleep(2_000); // past the first hit's window, not past the second's
    expect(await a.count(key)).toBe(0);
    expect(await a.hit(key, 2)).toBe(1);
  });
});
