/**
 * Every Redis connection of a service, with the options that make an outage survivable: commands fail fast while
 * Redis is away (the caller answers SERVICE_UNAVAILABLE) instead of queueing for ever, the client reconnects by itself
 * with capped backoff, and each connection logs its errors, since an ioredis client without an `error` listener reports
 * them as "Unhandled error event".
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';
import { StartupTimeoutError } from './startup.js';

/** Longest pause between reconnection attempts: how late, at most, a service notices Redis is back. */
const MAX_RECONNECT_DELAY_MS = 1_000;

const COMMAND_CONNECTION: RedisOptions = {
  lazyConnect: true,
  // While the connection is down a command is refused at once: a request fails in milliseconds with a retryable error
  // rather than holding its client until Redis returns.
  enableOfflineQueue: false,
  // A command in flight when the connection drops is resent once after reconnecting, then fails.
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  // Never gives up: the service recovers by itself however long Redis was away.
  retryStrategy: (attempt: number) => Math.min(50 * 2 ** attempt, MAX_RECONNECT_DELAY_MS),
};

/**
 * Logs a connection's errors once per outage (ioredis emits one per reconnection attempt) and its recovery; without
 * this listener ioredis would print "[ioredis] Unhandled error event" for each.
 */
export function watchRedis(client: Redis, logger: Logger, role: string): Redis {
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return logger.debug(`redis ${role} connection still failing`, { error: error.message });
    down = true;
    logger.warn(`redis ${role} connection failed; reconnecting`, { error: error.message });
  });
  client.on('ready', () => {
    if (down) logger.info(`redis ${role} connection is back`);
    down = false;
  });
  return client;
}

/**
 * A further connection from `client` (blocking reads, the pub/sub subscriber). Unlike the command connection it keeps
 * an offline queue, bounded by one retry, so what it is asked before it is connected waits for the connection instead
 * of failing; `overrides` adjust the rest.
 */
export function duplicateRedis(client: Redis, logger: Logger, role: string, overrides: RedisOptions = {}): Redis {
  return watchRedis(client.duplicate({ enableOfflineQueue: true, ...overrides }), logger, role);
}

/** Resolves once `client` is ready (connecting it if lazy); rejects after `timeoutMs` while it keeps retrying. */
function whenReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new Error(`Redis did not become ready within ${timeoutMs} ms`));
    }, timeoutMs);
    function onReady() {
      clearTimeout(timer);
      resolve();
    }
    client.once('ready', onReady);
    // A lazy client connects now; a failed attempt is retried by the client's retryStrategy, not here.
    if (client.status === 'wait') client.connect().catch(() => undefined);
  });
}

/**
 * The service's command connection to REDIS_URL, once Redis answers. Waits up to `timeoutMs`, reconnecting with
 * backoff meanwhile; then throws StartupTimeoutError naming REDIS_URL (and closes the client).
 */
export async function connectRedis(url: string, logger: Logger, timeoutMs: number): Promise<Redis> {
  const client = watchRedis(new Redis(url, COMMAND_CONNECTION), logger, 'command');
  try {
    await whenReady(client, timeoutMs);
    return client;
  } catch {
    client.disconnect();
    throw new StartupTimeoutError('REDIS_URL', `Redis at ${describeRedis(url)}`, timeoutMs);
  }
}

/** Host, port and database of a Redis URL, never its password. */
function describeRedis(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 6379}${u.pathname.length > 1 ? u.pathname : ''}`;
}
