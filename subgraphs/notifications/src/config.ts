/**
 * Notifications service configuration, read and validated once at start-up. The only place this service reads the
 * environment. There is deliberately no variable for a test clock: tests inject one programmatically.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { bool, ConfigError, int, oneOf, optional, port, str, url, type Env } from '@bloomzy/shared/config';
import { defaultDataDir } from '@bloomzy/shared/paths';

export interface NotificationsConfig {
  host: string;
  port: number;
  production: boolean;
  /** Postgres URL; embedded PGlite under dataDir when unset. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** Base URL of the auth service: its JWKS verifies access tokens, its introspection endpoint API keys. */
  authUrl: string;
  logJson: boolean;
  /** How often the dispatcher looks for due notifications. */
  dispatchIntervalMs: number;
  /** Per webhook POST; the dispatcher's claim lease is derived from it (see dispatch/claims.ts). */
  webhookTimeoutMs: number;
  /** Names this instance in claims and the delivery log; hostname-pid when unset. */
  instanceId: string;
  /**
   * Webhooks may target loopback/private addresses and plain http. Only outside production: in production a user
   * must not be able to make this service POST into the internal network.
   */
  webhookAllowPrivate: boolean;
}

export function loadNotificationsConfig(env: Env): NotificationsConfig {
  const production = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const databaseUrl = url(env, 'NOTIFICATIONS_DATABASE_URL', ['postgres', 'postgresql']);
  if (production && !databaseUrl) throw new ConfigError('NOTIFICATIONS_DATABASE_URL', 'is required when NODE_ENV=production');
  const instanceId = optional(env, 'INSTANCE_ID') ?? `${hostname()}-${process.pid}`;
  if (instanceId.length > 100) throw new ConfigError('INSTANCE_ID', 'must be at most 100 characters');
  return {
    host: str(env, 'NOTIFICATIONS_HOST', '0.0.0.0'),
    port: port(env, 'NOTIFICATIONS_PORT', 4003),
    production,
    databaseUrl,
    dataDir: path.join(str(env, 'DATA_DIR', defaultDataDir), 'notifications'),
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    // The fallback is a valid URL, so `url` never returns undefined here; trailing slashes are trimmed for joining.
    authUrl: (url(env, 'AUTH_URL', ['http', 'https'], 'http://localhost:4001') ?? 'http://localhost:4001').replace(/\/+$/, ''),
    logJson: bool(env, 'LOG_JSON', production),
    dispatchIntervalMs: int(env, 'DISPATCH_INTERVAL_MS', 1_000, 50, 3_600_000),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 5_000, 100, 60_000),
    instanceId,
    webhookAllowPrivate: !production,
  };
}
