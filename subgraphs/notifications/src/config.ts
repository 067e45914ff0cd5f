/**
 * Notifications service configuration, read and validated once at start-up. The only place this service reads the
 * environment. There is deliberately no variable for a test clock: tests inject one programmatically.
 */
import { hostname } from 'node:os';
import {
  authBaseUrl,
  ConfigError,
  int,
  optional,
  serviceBase,
  type Env,
  type ServiceBaseConfig,
} from '@bloomzy/shared/config';
import { defaultDataDir } from '@bloomzy/shared/paths';

export interface NotificationsConfig extends ServiceBaseConfig {
  /** Base URL of the auth service: its JWKS verifies access tokens, its introspection endpoint API keys. */
  authUrl: string;
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
  const base = serviceBase(env, 'NOTIFICATIONS', 4003, defaultDataDir, 'notifications');
  const instanceId = optional(env, 'INSTANCE_ID') ?? `${hostname()}-${process.pid}`;
  if (instanceId.length > 100) throw new ConfigError('INSTANCE_ID', 'must be at most 100 characters');
  return {
    ...base,
    authUrl: authBaseUrl(env),
    dispatchIntervalMs: int(env, 'DISPATCH_INTERVAL_MS', 1_000, 50, 3_600_000),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 5_000, 100, 60_000),
    instanceId,
    webhookAllowPrivate: !base.production,
  };
}
