/**
 * Fixed-window hit counters (e.g. failed logins per email), on rate-limiter-flexible: in memory for one process (keys
 * expire on their own, so a flood of distinct keys cannot grow memory past one window), in Redis across instances
 * (one atomic script per hit, so concurrent instances never lose a count).
 */
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from 'rate-limiter-flexible';

/** A key's current window: its hits, and the seconds until it closes (what a refusal's retryAfter says). */
interface WindowState {
  hits: number;
  /** Whole seconds, at least 1 while the window is open; 0 when the key has no hits. */
  resetsInSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit for `key` in a window of `windowSeconds`; returns the hits in the current window. */
  hit(key: string, windowSeconds: number): Promise<number>;
  /** As `hit`, with the time left in the window. */
  hitWindow(key: string, windowSeconds: number): Promise<WindowState>;
  count(key: string): Promise<number>;
  /** As `count`, with the time left in the window. */
  window(key: string): Promise<WindowState>;
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
/**
 * In memory a key expires by a Node timer, and a timer longer than 2^31-1 ms (24.8 days) fires at once: such a window
 * would silently count nothing, so it is refused in both stores alike.
 */
const MAX_WINDOW_SECONDS = 24 * 86_400;

const stateOf = (result: RateLimiterRes | null): WindowState =>
  result && result.consumedPoints > 0
    ? { hits: result.consumedPoints, resetsInSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) }
    : { hits: 0, resetsInSeconds: 0 };

class CountingRateLimiter implements RateLimiter {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  async hit(key: string, windowSeconds: number): Promise<number> {
    return (await this.hitWindow(key, windowSeconds)).hits;
  }

  async hitWindow(key: string, windowSeconds: number): Promise<WindowState> {
    if (windowSeconds > MAX_WINDOW_SECONDS) throw new RangeError(`A window is at most ${MAX_WINDOW_SECONDS} seconds`);
    return stateOf(await this.limiter.penalty(key, 1, { customDuration: windowSeconds }));
  }

  async count(key: string): Promise<number> {
    return (await this.window(key)).hits;
  }

  async window(key: string): Promise<WindowState> {
    return stateOf(await this.limiter.get(key));
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
