/**
 * Notifications service configuration, read and validated once at start-up. The only place this service reads the
 * environment. There is deliberately no variable for a test clock: tests inject one programmatically.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  authUrlEnvironment,
  MIN_SECRET_BYTES,
  serviceBase,
  subgraphEnvironment,
  type ServiceBaseConfig,
} from '@bloomzy/shared/config';
import { int, optional, parseEnv, reject, variablesOf, type Env, url } from '@bloomzy/shared/env-schema';

/** The EMAIL channel's SMTP settings; null (channel not offered) while SMTP_URL is unset. */
export interface EmailConfig {
  /** smtp:// or smtps:// URL nodemailer connects to, credentials included. */
  smtpUrl: string;
  /** The From address of every message. */
  from: string;
}

/** The WEB_PUSH channel's VAPID identity (RFC 8292); null (channel not offered) while the keys are unset. */
export interface WebPushConfig {
  publicKey: string;
  privateKey: string;
  /** mailto: or https: contact the push services may use. */
  subject: string;
}

export interface NotificationsConfig extends ServiceBaseConfig {
  /** Base URL of the auth service: its JWKS verifies access tokens, its introspection endpoint API keys. */
  authUrl: string;
  /** Longest sleep of the dispatcher between looks for due work (it also wakes at the next dispatch time it knows). */
  dispatchIntervalMs: number;
  /** How long before their due time notifications are claimed (0: only once due). */
  dispatchLookaheadMs: number;
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
  email: EmailConfig | null;
  webPush: WebPushConfig | null;
  /** Signs the one-click unsubscribe links of emails (HS256). */
  unsubscribeSecret: Uint8Array;
  /** The public base URL clients reach the router at: unsubscribe links point there. */
  publicUrl: string;
}

/** DISPATCH_LOOKAHEAD_MS when unset (the benchmarks run with it too). */
export const DEFAULT_DISPATCH_LOOKAHEAD_MS = 5_000;

/** The variables notifications reads: those of every subgraph, AUTH_URL and its own. */
const notificationsEnvironment = subgraphEnvironment('notifications').extend({
  ...authUrlEnvironment,
  DISPATCH_INTERVAL_MS: int(
    { description: 'Longest wait between dispatcher runs (it also wakes at the next due time it knows of)' },
    1_000,
    50,
    3_600_000,
  ),
  DISPATCH_LOOKAHEAD_MS: int(
    {
      description:
        'How long before their due time the dispatcher claims notifications (and reads their settings), so a burst due at one instant needs only its SENT write and push then; a notification claimed ahead can still be cancelled until it is due',
    },
    DEFAULT_DISPATCH_LOOKAHEAD_MS,
    0,
    60_000,
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
  SMTP_URL: url(
    {
      description: 'SMTP server of the EMAIL channel (smtp:// or smtps://, credentials in the URL)',
      default: 'unset (no email)',
    },
    ['smtp', 'smtps'],
  ),
  EMAIL_FROM: optional({ description: 'From address of emails (required with SMTP_URL)' }, 320),
  UNSUBSCRIBE_SECRET: optional({
    description: 'Signs one-click unsubscribe links (at least 32 bytes; required in production with SMTP_URL)',
    default: 'random per start outside production (links die with the process)',
  }),
  PUBLIC_URL: url(
    { description: 'Base URL clients reach the router at (unsubscribe links)' },
    ['http', 'https'],
    'http://localhost:4000',
  ),
  VAPID_PUBLIC_KEY: optional(
    {
      description: 'VAPID public key of WEB_PUSH (base64url; `npx web-push generate-vapid-keys`)',
      default: 'unset (no web push)',
    },
    200,
  ),
  VAPID_PRIVATE_KEY: optional(
    { description: 'VAPID private key of WEB_PUSH (base64url)', default: 'unset (no web push)' },
    200,
  ),
  VAPID_SUBJECT: optional(
    { description: 'Contact for push services (mailto: or https:), required with the VAPID keys', default: 'unset' },
    500,
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
    dispatchLookaheadMs: env.DISPATCH_LOOKAHEAD_MS,
    dispatchBatchSize: env.DISPATCH_BATCH_SIZE,
    dispatchBatchesInFlight: env.DISPATCH_BATCHES_IN_FLIGHT,
    dispatchConcurrency: env.DISPATCH_CONCURRENCY,
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    instanceId: env.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    webhookAllowPrivate: !base.production,
    email: emailConfig(env, ctx),
    webPush: webPushConfig(env, ctx),
    unsubscribeSecret: unsubscribeSecret(env, base.production, ctx),
    publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
  };
});

type Ctx = Parameters<typeof reject>[0];
/** The parsed variables the channel settings are built from. */
interface ParsedEnv {
  SMTP_URL?: string | undefined;
  EMAIL_FROM?: string | undefined;
  UNSUBSCRIBE_SECRET?: string | undefined;
  VAPID_PUBLIC_KEY?: string | undefined;
  VAPID_PRIVATE_KEY?: string | undefined;
  VAPID_SUBJECT?: string | undefined;
}

function emailConfig(env: ParsedEnv, ctx: Ctx): EmailConfig | null {
  if (!env.SMTP_URL) return null;
  if (!env.EMAIL_FROM) {
    reject(ctx, 'EMAIL_FROM', 'is required when SMTP_URL is set');
    return null;
  }
  return { smtpUrl: env.SMTP_URL, from: env.EMAIL_FROM };
}

function webPushConfig(env: ParsedEnv, ctx: Ctx): WebPushConfig | null {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env;
  if (!publicKey && !privateKey) return null;
  if (!publicKey || !privateKey) {
    reject(ctx, publicKey ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY', 'is required with the other VAPID key');
    return null;
  }
  if (!subject || !/^(mailto:|https:)/.test(subject)) {
    reject(ctx, 'VAPID_SUBJECT', 'must be a mailto: or https: URL when VAPID keys are set');
    return null;
  }
  return { publicKey, privateKey, subject };
}

function unsubscribeSecret(env: ParsedEnv, production: boolean, ctx: Ctx): Uint8Array {
  const secret = env.UNSUBSCRIBE_SECRET;
  if (secret && Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    reject(ctx, 'UNSUBSCRIBE_SECRET', `must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  if (!secret && production && env.SMTP_URL) {
    reject(ctx, 'UNSUBSCRIBE_SECRET', 'is required when NODE_ENV=production and SMTP_URL is set');
  }
  // Outside production a random one: links sent by a previous run stop working, which is fine for development.
  return secret ? new TextEncoder().encode(secret) : new Uint8Array(randomBytes(MIN_SECRET_BYTES));
}

export function loadNotificationsConfig(env: Env): NotificationsConfig {
  return parseEnv(notificationsConfigSchema, env);
}
