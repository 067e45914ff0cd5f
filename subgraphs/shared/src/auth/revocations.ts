/**
 * Revoked sessions and API keys. Access tokens are verified locally from the JWKS, so without this list a logged-out
 * token would keep working until it expires; every verifier checks it so logout takes effect at once everywhere.
 * In one process (npm start) an in-memory list is shared; across processes Redis holds it.
 *
 * The list is a cache: the source of truth is auth's database (`Session.revokedAt`, `ApiKey.revokedAt`), which auth
 * copies into the list at start-up and whenever the list has lost its data (auth's revocation-sync.ts). A copy is
 * *complete* once a restore has run against it: Redis holds a marker key, written by the same atomic step that writes
 * the restored entries, so a Redis that restarted without its data, or was flushed, has no marker. Until auth restores
 * it, `isRevoked` throws RevocationListIncomplete instead of answering "not revoked": verifiers refuse with a retryable
 * error for that second or so, rather than let a logged-out token back in.
 *
 * Every revocation is also pushed to every instance over pub/sub (`revoked()`), so routers close live connections of
 * a revoked session within milliseconds instead of polling.
 */
import type { Redis } from 'ioredis';
import { MemoryPubSub, type PubSub } from '../messaging/pubsub.js';

/** The pub/sub topic revocations are pushed on; the payload is `{ id }`. */
const REVOCATIONS_TOPIC = 'auth.revocations';

/** One entry of the list: a session or API key id, and how long it must stay listed. */
export interface Revocation {
  id: string;
  ttlSeconds: number;
}

/** The list has lost its data (Redis restarted empty, failover, flush) and auth has not restored it yet. */
export class RevocationListIncomplete extends Error {
  constructor() {
    super('The revocation list is being restored; try again in a moment');
    this.name = 'RevocationListIncomplete';
  }
}

export interface RevocationStore {
  /**
   * Lists `id` for `ttlSeconds` (long enough to outlive every token or cache entry naming it), then pushes it to every
   * instance. Resolves once both are done, so a caller that returns afterwards (logout) returns after the push.
   */
  revoke(id: string, ttlSeconds: number): Promise<void>;
  /** Whether `id` is listed; throws RevocationListIncomplete while the list has lost its data. */
  isRevoked(id: string): Promise<boolean>;
  /** `isRevoked` for many ids in one round trip (optional: stores where a lookup costs nothing leave it out). */
  areRevoked?(ids: readonly string[]): Promise<boolean[]>;
  /** Whether the list holds everything auth's database says (a restore ran since the list last lost its data). */
  isComplete(): Promise<boolean>;
  /**
   * Writes the entries `load` returns. On an incomplete list it also marks the list complete, atomically with the
   * writes; it returns false (writing nothing) when the list lost its data again meanwhile or another instance is
   * restoring it, so the caller retries with a fresh `load` a moment later.
   */
  restore(load: () => Promise<readonly Revocation[]>): Promise<boolean>;
  /** Ids revoked from now on, on any instance, until the iterator's `return()`. */
  revoked(): AsyncIterableIterator<string>;
}

function pushed(pubsub: PubSub): AsyncIterableIterator<string> {
  const messages = pubsub.subscribe<{ id?: unknown }>(REVOCATIONS_TOPIC);
  return {
    async next() {
      for (;;) {
        const message = await messages.next();
        if (message.done) return { done: true, value: undefined };
        if (typeof message.value.id === 'string') return { done: false, value: message.value.id };
      }
    },
    async return() {
      await messages.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Lives and dies with its process, as do the services sharing it, so it is always complete. */
export class MemoryRevocationStore implements RevocationStore {
  readonly #until = new Map<string, number>();

  constructor(private readonly pubsub: PubSub = new MemoryPubSub()) {}

  async revoke(id: string, ttlSeconds: number): Promise<void> {
    this.#until.set(id, Date.now() + ttlSeconds * 1000);
    await this.pubsub.publish(REVOCATIONS_TOPIC, { id });
  }

  async isRevoked(id: string): Promise<boolean> {
    const until = this.#until.get(id);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.#until.delete(id);
    return false;
  }

  async isComplete(): Promise<boolean> {
    return true;
  }

  async restore(load: () => Promise<readonly Revocation[]>): Promise<boolean> {
    for (const { id, ttlSeconds } of await load()) this.#until.set(id, Date.now() + ttlSeconds * 1000);
    return true;
  }

  revoked(): AsyncIterableIterator<string> {
    return pushed(this.pubsub);
  }
}

/**
 * Writes the restored entries and the "complete" marker only if the restore's claim (KEYS[1] = ARGV[1]) is still
 * there: a flush or an empty restart since the claim removed it, and entries revoked meanwhile may be missing from
 * what was loaded, so nothing is written and the caller starts over. ARGV[2..]: id, ttl pairs.
 */
const RESTORE_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
for i = 2, #ARGV, 2 do redis.call('SET', KEYS[2] .. ARGV[i], '1', 'EX', ARGV[i + 1]) end
redis.call('SET', KEYS[1], 'complete')
return 1
`;

/** How long a restore's claim lasts: a restore that died midway does not block the next one for longer. */
const CLAIM_SECONDS = 10;

export class RedisRevocationStore implements RevocationStore {
  readonly #marker: string;

  constructor(
    private readonly redis: Redis,
    private readonly pubsub: PubSub,
    private readonly prefix = 'bloomzy:revoked:',
  ) {
    // Not under `prefix`: an entry id can never collide with it.
    this.#marker = `${prefix.replace(/:$/, '')}-list`;
  }

  async revoke(id: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + id, '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)));
    await this.pubsub.publish(REVOCATIONS_TOPIC, { id });
  }

  async isRevoked(id: string): Promise<boolean> {
    // One round trip reads the entry and the marker together, so the answer comes from one state of the list.
    const [entry, marker] = await this.redis.mget(this.prefix + id, this.#marker);
    if (marker !== 'complete') throw new RevocationListIncomplete();
    return entry !== null;
  }

  async areRevoked(ids: readonly string[]): Promise<boolean[]> {
    if (ids.length === 0) return [];
    const values = await this.redis.mget(...ids.map((id) => this.prefix + id), this.#marker);
    if (values.at(-1) !== 'complete') throw new RevocationListIncomplete();
    return ids.map((_, i) => values[i] !== null);
  }

  async isComplete(): Promise<boolean> {
    return (await this.redis.get(this.#marker)) === 'complete';
  }

  async restore(load: () => Promise<readonly Revocation[]>): Promise<boolean> {
    const ttl = (seconds: number) => String(Math.max(1, Math.ceil(seconds)));
    // The claim is written before loading: anything that empties Redis afterwards removes it, and the script refuses.
    const claim = `restoring ${crypto.randomUUID()}`;
    if ((await this.redis.set(this.#marker, claim, 'EX', CLAIM_SECONDS, 'NX')) !== 'OK') {
      if (!(await this.isComplete())) return false; // another instance is restoring it
      // Complete already: rewriting the entries (idempotent) repairs one whose revoke() failed to reach Redis.
      const entries = await load();
      if (entries.length === 0) return true;
      const pipeline = this.redis.pipeline();
      for (const { id, ttlSeconds } of entries) pipeline.set(this.prefix + id, '1', 'EX', ttl(ttlSeconds));
      const failed = (await pipeline.exec())?.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
      return true;
    }
    const entries = await load();
    const args = entries.flatMap(({ id, ttlSeconds }) => [id, ttl(ttlSeconds)]);
    return (await this.redis.eval(RESTORE_SCRIPT, 2, this.#marker, this.prefix, claim, ...args)) === 1;
  }

  revoked(): AsyncIterableIterator<string> {
    return pushed(this.pubsub);
  }
}
