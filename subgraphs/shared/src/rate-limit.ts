/**
 * Fixed-window hit counters (e.g. failed logins per email), on rate-limiter-flexible: in memory for one process (keys
 * expire on their own, so a flood of distinct keys cannot grow memory past one window), in Redis across instances
 * (one atomic script per hit, so concurrent instances never lose a count).
 */
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface RateLimiter {
  /** Counts one hit for `key` in a window of `windowSeconds`; returns the hits in the current window. */
  hit(key: string, windowSeconds: number): Promise<number>;
  count(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

/**
 * The library's own limit is not used: hits go in as `penalty`, which counts without ever refusing, and each caller
 * compares the count with its own limit (login: check before, count failures; scheduling: count, then check), so one
 * limiter and one key space serve every limit. `customDuration` gives each hit its caller's window; a window opens at
 * a key's first hit and later hits do not extend it.
 */
const UNUSED_POINTS = Number.MAX_SAFE_INTEGER;
const DEFAULT_WINDOW_SECONDS = 60;

class CountingRateLimiter implements RateLimiter {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  async hit(key: string, windowSeconds: number): Promise<number> {
    const result = await this.limiter.penalty(key, 1, { customDuration: windowSeconds });
    return result.consumedPoints;
  }

  async count(key: string): Promise<number> {
    return (await this.limiter.get(key))?.consumedPoints ?? 0;
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

export class MemoryRateLimiter extends CountingRateLimiter {
  constructor() {
    super(new RateLimiterMemory({ points: UNUSED_POINTS, duration: DEFAULT_WINDOW_SECONDS }));
  }
}

export class RedisRateLimiter extends CountingRateLimiter {
  /** Keys are `<prefix>:<key>`, as before the library: counters survive a deploy. */
  constructor(redis: Redis, keyPrefix = 'bloomzy:rate') {
    super(
      new RateLimiterRedis({ storeClient: redis, keyPrefix, points: UNUSED_POINTS, duration: DEFAULT_WINDOW_SECONDS }),
    );
  }
}
