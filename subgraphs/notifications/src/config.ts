/**
 * Notifications service configuration, read and validated once at start-up. The only place this service reads the
 * environment. There is deliberately no variable for a test clock: tests inject one programmatically.
 */
import { hostname } from 'node:os';
import {
  authUrlEnvironment,
  int,
  optional,
  parseEnv,
  serviceBase,
  subgraphEnvironment,
  variablesOf,
  type Env,
  type ServiceBaseConfig,
} from '@bloomzy/shared/config';

export interface NotificationsConfig extends ServiceBaseConfig {
  /** Base URL of the auth service: its JWKS verifies access tokens, its introspection endpoint API keys. */
  authUrl: string;
  /** Longest sleep of the dispatcher between looks for due work (it also wakes at the next dispatch time it knows). */
  dispatchIntervalMs: number;
  /** Notifications the dispatcher claims (and completes set-based) per statement. */
  dispatchBatchSize: number;
  /** Batches the dispatcher works on at once. */
  dispatchBatchesInFlight: number;
  /** Notifications on the dispatcher's per-notification path (webhooks) at once. */
  dispatchConcurrency: number;
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

/** The variables notifications reads: those of every subgraph, AUTH_URL and its own. */
const notificationsEnvironment = subgraphEnvironment('notifications').extend({
  ...authUrlEnvironment,
  DISPATCH_INTERVAL_MS: int(
    { description: 'Longest wait between dispatcher runs (it also wakes at the next due time it knows of)' },
    1_000,
    50,
    3_600_000,
  ),
  DISPATCH_BATCH_SIZE: int({ description: 'Notifications the dispatcher claims per statement' }, 500, 1, 5_000),
  DISPATCH_BATCHES_IN_FLIGHT: int({ description: 'Batches the dispatcher works on at once' }, 2, 1, 16),
  DISPATCH_CONCURRENCY: int(
    { description: 'Webhook deliveries the dispatcher runs at once (the claim lease grows with batch / this)' },
    50,
    1,
    1_000,
  ),
  WEBHOOK_TIMEOUT_MS: int(
    { description: 'Timeout of one webhook POST (the claim lease derives from it)' },
    5_000,
    100,
    60_000,
  ),
  INSTANCE_ID: optional(
    { description: 'Names the instance in claims and the delivery log', default: 'hostname-pid' },
    100,
  ),
});

/**
 * Every variable this service reads, as data: test/config-docs.test.ts holds README and .env.example against it.
 * @public
 */
export const notificationsVariables = variablesOf(notificationsEnvironment);

const notificationsConfigSchema = notificationsEnvironment.transform((env, ctx): NotificationsConfig => {
  const base = serviceBase('notifications', env, ctx);
  return {
    ...base,
    authUrl: env.AUTH_URL,
    dispatchIntervalMs: env.DISPATCH_INTERVAL_MS,
    dispatchBatchSize: env.DISPATCH_BATCH_SIZE,
    dispatchBatchesInFlight: env.DISPATCH_BATCHES_IN_FLIGHT,
    dispatchConcurrency: env.DISPATCH_CONCURRENCY,
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    instanceId: env.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    webhookAllowPrivate: !base.production,
  };
});

export function loadNotificationsConfig(env: Env): NotificationsConfig {
  return parseEnv(notificationsConfigSchema, env);
}
