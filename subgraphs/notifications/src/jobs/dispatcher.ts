/**
 * The durable dispatcher: a loop (started at boot, so reminders that fell due while the service was down go out at
 * once) that claims due notifications, delivers them through their channels and records every attempt.
 *
 * Guarantees (see claims.ts for the mechanics):
 * - Each due notification is claimed by one instance at a time; SENT (and the IN_APP log entry) is written exactly
 *   once, by the claim holder. A crashed instance's claims are retaken when their lease expires.
 * - IN_APP is delivered by that SENT write (the notification is then in the user's list); the live push to
 *   subscribers is published after the commit, by that one instance, so it is sent at most once. A crash between the
 *   commit and the publish loses only the live push, never the notification.
 * - WEBHOOK is at-least-once: a POST that succeeded just before a crash is repeated by the instance that retakes the
 *   claim. Receivers dedupe on `X-Bloomzy-Delivery`. Failures are retried by rescheduling (1 s, 4 s, 16 s), never
 *   by sleeping while holding the claim.
 */
import { randomUUID } from 'node:crypto';
import { consumeMessage, type TraceCarrier } from '@bloomzy/shared/telemetry/propagation';
import type { Notification, NotificationChannel } from '../db/client.js';
import type { ExternalChannels } from '../delivery/channels.js';
import { createWebhookFetch } from '../delivery/webhook-fetch.js';
import {
  MAX_WEBHOOK_ATTEMPTS,
  postWebhook,
  retryDelayMs,
  type FetchLike,
  type WebhookResult,
} from '../delivery/webhook.js';
import { loadSettings, type UserSettings } from '../domain/user-settings.js';
import { webhookUrlProblem } from '../domain/webhook-url.js';
import { notificationTopic, toLive } from '../live/notification-topic.js';
import type { NotificationsRuntime } from '../runtime.js';
import { claimDue, completeRound, leaseMsFor, type AttemptRecord } from './claims.js';
import { countWebhook, observeRound } from './dispatch-metrics.js';

export interface Dispatcher {
  /** Delivers everything due now, batch by batch; resolves with how many notifications were processed. */
  runOnce(): Promise<number>;
  /** Starts the loop: a run now, then one every interval. */
  start(): void;
  /** Runs again as soon as possible (something just became due). No-op when the loop is not started. */
  wake(): void;
  /** Stops the loop and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface DispatcherOptions {
  runtime: Pick<NotificationsRuntime, 'db' | 'clock' | 'logger' | 'pubsub' | 'config'>;
  intervalMs: number;
  fetch?: FetchLike;
  /** Notifications claimed (and delivered in parallel) per statement. */
  batchSize?: number;
  /** EMAIL and WEB_PUSH, handed each notification once it is SENT (delivery/channels.ts). */
  channels?: ExternalChannels;
}

/** A run stops after this many batches and lets the next tick continue, so stop() is never kept waiting long. */
const MAX_BATCHES_PER_RUN = 100;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, clock, logger, pubsub, config } = options.runtime;
  // Ours checks where a webhook's host resolves as it connects (delivery/webhook-fetch.ts); tests may pass their own.
  const webhookFetch = options.fetch
    ? { fetch: options.fetch, close: async () => undefined }
    : createWebhookFetch({ allowPrivate: config.webhookAllowPrivate });
  const fetchImpl: FetchLike = webhookFetch.fetch;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = leaseMsFor(config.webhookTimeoutMs);

  let stopped = false;
  let started = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  async function sendWebhook(n: Notification, s: UserSettings, attempt: number): Promise<WebhookResult> {
    if (!s.webhook) return { ok: false, retryable: false, httpStatus: null, error: 'No webhook is set up' };
    const problem = webhookUrlProblem(s.webhook.url, config.webhookAllowPrivate);
    if (problem) return { ok: false, retryable: false, httpStatus: null, error: `Webhook URL ${problem}` };
    const { url, secret } = s.webhook;
    return postWebhook({
      fetch: fetchImpl,
      url,
      secret,
      notification: n,
      attempt,
      now: clock.now(),
      timeoutMs: config.webhookTimeoutMs,
    });
  }

  async function deliver(n: Notification, s: UserSettings, token: string): Promise<void> {
    const round = n.dispatchRounds;
    const now = clock.now();
    if (!s.notificationsEnabled) {
      // Turned off after this was scheduled: a pending send is cancelled, a pending webhook retry dropped.
      const lastError = 'Notifications are turned off for this account';
      const cancelled = await completeRound(
        db,
        n,
        token,
        { delivered: [], retry: [], retryAt: null, attempts: [], lastError, cancel: true },
        now,
      );
      if (cancelled) observeRound(n, cancelled, now);
      return;
    }
    const delivered: NotificationChannel[] = [];
    const retry: NotificationChannel[] = [];
    const attempts: AttemptRecord[] = [];
    const errors: string[] = [];
    const record = (
      channel: NotificationChannel,
      ok: boolean,
      error: string | null,
      httpStatus: number | null,
      startedAt: Date,
    ) => ({
      channel,
      attempt: round,
      outcome: ok ? ('SUCCEEDED' as const) : ('FAILED' as const),
      httpStatus,
      error,
      instanceId: config.instanceId,
      startedAt,
      finishedAt: clock.now(),
    });
    for (const channel of n.pendingChannels) {
      if (channel === 'IN_APP') {
        const error = s.notifyInApp ? null : 'In-app notifications are turned off';
        attempts.push(record('IN_APP', error === null, error, null, now));
        if (error) errors.push(error);
        else delivered.push('IN_APP');
        continue;
      }
      const startedAt = clock.now();
      const result = await sendWebhook(n, s, round);
      // Logged at once, not with the outcome: the POST happened even if our claim turns out to be lost.
      await db.deliveryAttempt.create({
        data: { ...record('WEBHOOK', result.ok, result.error, result.httpStatus, startedAt), notificationId: n.id },
      });
      const retrying = !result.ok && result.retryable && round < MAX_WEBHOOK_ATTEMPTS;
      countWebhook(result, retrying);
      if (result.ok) delivered.push('WEBHOOK');
      else if (retrying) retry.push('WEBHOOK');
      if (result.error) errors.push(result.error);
    }
    const finishedAt = clock.now();
    const retryAt = retry.length > 0 ? new Date(finishedAt.getTime() + retryDelayMs(round)) : null;
    const lastError = errors.join('; ') || null;
    const updated = await completeRound(
      db,
      n,
      token,
      { delivered, retry, retryAt, attempts, lastError, cancel: false },
      finishedAt,
    );
    if (!updated) {
      logger.warn('dispatch claim lost before completion; another instance owns the notification now', { id: n.id });
      return;
    }
    observeRound(n, updated, finishedAt);
    if (n.status === 'SCHEDULED' && updated.status === 'SENT' && delivered.includes('IN_APP')) {
      await pubsub.publish(notificationTopic(n.userId), toLive(updated)).catch((error: unknown) => {
        logger.error('live push failed (the notification is stored and listed)', { id: n.id, error });
      });
    }
    // Not awaited: email and push retry with backoff on their own; they never hold up the batch or the claim.
    if (n.status === 'SCHEDULED' && updated.status === 'SENT') void options.channels?.deliver([updated]);
  }

  async function runOnce(): Promise<number> {
    let processed = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN && !stopped; batch++) {
      const token = `${config.instanceId}:${randomUUID()}`;
      const claimed = await claimDue(db, { now: clock.now(), token, leaseMs, limit: batchSize });
      if (claimed.length === 0) break;
      const settings = await loadSettings(
        db,
        claimed.map((n) => n.userId),
      );
      await Promise.all(
        claimed.map(async (n) => {
          const s = settings.get(n.userId);
          if (!s) return;
          // An unexpected failure (database gone) leaves the claim to expire; the row is retaken later.
          // Each dispatch is a trace of its own (the reminder's webhooks, live push and SQL under it), linked to the
          // trace that planned it (a care-schedule event, a scheduleNotification request).
          const planned = (n.traceContext ?? undefined) as TraceCarrier | undefined;
          await consumeMessage('dispatch notification', { 'bloomzy.notification.type': n.type }, planned, () =>
            deliver(n, s, token),
          ).catch((error: unknown) => logger.error('delivery failed', { id: n.id, error }));
        }),
      );
      processed += claimed.length;
    }
    return processed;
  }

  function tick(): void {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .then(
        () => undefined,
        (error: unknown) => logger.error('dispatch run failed', { error }),
      )
      .finally(() => {
        running = null;
        if (stopped) return;
        if (again) {
          again = false;
          setImmediate(tick);
        } else {
          timer = setTimeout(tick, options.intervalMs);
        }
      });
  }

  return {
    runOnce,
    start() {
      if (started) return;
      started = true;
      tick();
    },
    wake() {
      if (!started || stopped) return;
      if (timer) {
        clearTimeout(timer);
        tick();
      } else {
        again = true;
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await webhookFetch.close();
    },
  };
}
