/**
 * Revoked sessions and API keys. Access tokens are verified locally from the JWKS, so without this list a logged-out
 * token would keep working until it expires; every verifier checks it so logout takes effect at once everywhere.
 * In one process (npm start) an in-memory list is shared; across processes Redis holds it.
 */
import type { Redis } from 'ioredis';

export interface RevocationStore {
  /** Marks `id` revoked for `ttlSeconds` (long enough to outlive every token or cache entry naming it). */
  revoke(id: string, ttlSeconds: number): Promise<void>;
  isRevoked(id: string): Promise<boolean>;
}

export class MemoryRevocationStore implements RevocationStore {
  readonly #until = new Map<string, number>();
  async revoke(id: string, ttlSeconds: number): Promise<void> {
    this.#until.set(id, Date.now() + ttlSeconds * 1000);
  }
  async isRevoked(id: string): Promise<boolean> {
    const until = this.#until.get(id);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.#until.delete(id);
    return false;
  }
}

export class RedisRevocationStore implements RevocationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'bloomzy:revoked:',
  ) {}
  async revoke(id: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + id, '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }
  async isRevoked(id: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + id)) === 1;
  }
}
