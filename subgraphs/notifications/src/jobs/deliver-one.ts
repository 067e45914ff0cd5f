/**
 * One notification's delivery round, the path for everything the set-based batch (complete-batch.ts) does not cover:
 * webhooks (slow and external, so run with bounded concurrency by the dispatcher), webhook retry rounds and the odd
 * cases. Writes the round's outcome with completeRound and publishes the live push itself when it first sent IN_APP.
 */
import type { Notification, NotificationChannel } from '../db/client.js';
import {
  MAX_WEBHOOK_ATTEMPTS,
  postWebhook,
  retryDelayMs,
  type FetchLike,
  type WebhookResult,
} from '../delivery/webhook.js';
import type { UserSettings } from '../domain/user-settings.js';
import { webhookUrlProblem } from '../domain/webhook-url.js';
import { notificationTopic, toLive } from '../live/notification-topic.js';
import type { NotificationsRuntime } from '../runtime.js';
import { completeRound, stillClaimed, type AttemptRecord } from './claims.js';
import { countWebhook, observeRound } from './dispatch-metrics.js';

export type DeliveryRuntime = Pick<NotificationsRuntime, 'db' | 'clock' | 'logger' | 'pubsub' | 'config'>;

async function sendWebhook(
  runtime: DeliveryRuntime,
  fetchImpl: FetchLike,
  n: Notification,
  s: UserSettings,
  attempt: number,
): Promise<WebhookResult> {
  const { config, clock } = runtime;
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

export async function deliverOne(
  runtime: DeliveryRuntime,
  fetchImpl: FetchLike,
  n: Notification,
  s: UserSettings,
  token: string,
): Promise<Notification | null> {
  const { db, clock, logger, pubsub, config } = runtime;
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
    return null;
  }
  // A first send claimed ahead of its due time may have been cancelled by its recipient while it waited
  // (user-actions.ts): its webhook must not go out. The SENT write would refuse it, but only after the POST.
  if (n.status === 'SCHEDULED' && n.pendingChannels.includes('WEBHOOK') && !(await stillClaimed(db, n.id, token)))
    return null;
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
    const result = await sendWebhook(runtime, fetchImpl, n, s, round);
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
    return null;
  }
  observeRound(n, updated, finishedAt);
  if (n.status === 'SCHEDULED' && updated.status === 'SENT' && delivered.includes('IN_APP')) {
    await pubsub.publish(notificationTopic(n.userId), toLive(updated)).catch((error: unknown) => {
      logger.error('live push failed (the notification is stored and listed)', { id: n.id, error });
    });
  }
  return n.status === 'SCHEDULED' && updated.status === 'SENT' ? updated : null;
}
