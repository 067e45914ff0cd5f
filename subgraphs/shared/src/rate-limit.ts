/**
 * Fixed-window counters (e.g. failed logins per email). In memory for one process, Redis across instances.
 */
import type { Redis } from 'ioredis';

export interface RateLimiter {
  /** Counts one hit for `key` in a window of `windowSeconds`; returns the hits in the current window. */
  hit(key: string, windowSeconds: number): Promise<number>;
  count(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export class MemoryRateLimiter implements RateLimiter {
  readonly #windows = new Map<string, { until: number; hits: number }>();
  async hit(key: string, windowSeconds: number): Promise<number> {
    const now = Date.now();
    const current = this.#windows.get(key);
    if (!current || current.until <= now) {
      if (this.#windows.size > 100_000) this.#windows.clear();
      this.#windows.set(key, { until: now + windowSeconds * 1000, hits: 1 });
      return 1;
    }
    return ++current.hits;
  }
  async count(key: string): Promise<number> {
    const current = this.#windows.get(key);
    return current && current.until > Date.now() ? current.hits : 0;
  }
  async reset(key: string): Promise<void> {
    this.#windows.delete(key);
  }
}

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'bloomzy:rate:',
  ) {}
  async hit(key: string, windowSeconds: number): Promise<number> {
    const k = this.prefix + key;
    const [[, hits] = [null, 0]] = (await this.redis.multi().incr(k).expire(k, windowSeconds, 'NX').exec()) ?? [];
    return Number(hits);
  }
  async count(key: string): Promise<number> {
    return Number((await this.redis.get(this.prefix + key)) ?? 0);
  }
  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
