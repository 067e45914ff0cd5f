/**
 * EMAIL and WEB_PUSH: sent once a notification has been delivered by the dispatcher (SENT), to the owner's address
 * and registered browsers, for the types whose `email` / `webPush` preference is on and only when the deployment
 * configures the channel. A digest goes out on a channel when it is on for any of its tasks' types
 * (domain/care-tasks.ts coveredTypes), not only for the type it carries (its first task's). At most once: they run
 * after the SENT commit, outside the claim, so a crash mid-send loses those messages but never repeats them.
 * Transient failures are retried here with backoff (delivery/retry.ts) and every attempt goes into the delivery log;
 * push subscriptions the push service reports gone are removed.
 *
 * The dispatcher hands over each batch of newly SENT notifications with `deliver(batch)` and does not wait: sends run
 * in the background with bounded concurrency, and `stop()` waits for those in flight.
 */
import type { Notification, NotificationChannel, NotificationType, PushSubscription } from '../db/client.js';
import { pushSubscriptionsOf, removeGoneSubscription } from '../db/push-subscriptions.js';
import { coveredTypes } from '../domain/care-tasks.js';
import { loadSettings, typeSettings, type UserSettings } from '../domain/user-settings.js';
import type { NotificationsRuntime } from '../runtime.js';
import { emailMessage } from './email-message.js';
import { createEmailSender, type EmailSender } from './email.js';
import { realSleep, withRetries, type AttemptResult, type Sleep } from './retry.js';
import { signUnsubscribeToken } from './unsubscribe-token.js';
import { sendWebPush } from './web-push.js';
import { createWebhookFetch } from './webhook-fetch.js';
import type { FetchLike } from './webhook.js';

export type ChannelsRuntime = Pick<NotificationsRuntime, 'db' | 'clock' | 'logger' | 'config'>;

export interface ExternalChannels {
  /** Starts sending `notifications` (just SENT) by email and web push; resolves once all of them are done. */
  deliver(notifications: readonly Notification[]): Promise<void>;
  /** Resolves once every `deliver` so far is done, retries included (tests wait on it instead of sleeping). */
  idle(): Promise<void>;
  /** Waits for sends in flight and closes connections. */
  stop(): Promise<void>;
}

export interface ExternalChannelsOptions {
  /** How the waits between retries pass; tests resolve at once. */
  sleep?: Sleep;
  /** HTTP client for push services (tests may pass their own); the webhook client with its address guard otherwise. */
  fetch?: FetchLike;
  /** Messages sent at the same time (each holds an SMTP or HTTP connection). */
  concurrency?: number;
}

/** A send: one notification over one channel (all of a user's subscriptions for WEB_PUSH). */
type Job = () => Promise<void>;

export function createExternalChannels(
  runtime: ChannelsRuntime,
  options: ExternalChannelsOptions = {},
): ExternalChannels {
  const { db, clock, logger, config } = runtime;
  const sleep = options.sleep ?? realSleep;
  const concurrency = options.concurrency ?? 8;
  const email: EmailSender | null = config.email ? createEmailSender(config.email, config.webhookTimeoutMs) : null;
  const pushFetch = options.fetch
    ? { fetch: options.fetch, close: async () => undefined }
    : createWebhookFetch({ allowPrivate: config.webhookAllowPrivate });
  const inFlight = new Set<Promise<void>>();
  const deliveries = new Set<Promise<void>>();
  const queue: Job[] = [];
  let running = 0;

  function pump(): void {
    while (running < concurrency && queue.length > 0) {
      const job = queue.shift() as Job;
      running++;
      const done = job()
        .catch((error: unknown) => logger.error('email/push send failed', { error }))
        .finally(() => {
          running--;
          inFlight.delete(done);
          pump();
        });
      inFlight.add(done);
    }
  }
  const enqueue = (job: Job) =>
    new Promise<void>((resolve) => {
      queue.push(() => job().finally(resolve));
      pump();
    });

  async function logAttempt(
    n: Notification,
    channel: NotificationChannel,
    attempt: number,
    result: AttemptResult,
    startedAt: Date,
  ): Promise<void> {
    await db.deliveryAttempt.create({
      data: {
        notificationId: n.id,
        channel,
        attempt,
        outcome: result.ok ? 'SUCCEEDED' : 'FAILED',
        httpStatus: result.httpStatus,
        error: result.error,
        instanceId: config.instanceId,
        startedAt,
        finishedAt: clock.now(),
      },
    });
  }

  /** `types`: those email is on for, which the message names and its unsubscribe link turns off. */
  async function sendEmail(
    sender: EmailSender,
    n: Notification,
    to: string,
    types: readonly NotificationType[],
  ): Promise<void> {
    const token = await signUnsubscribeToken(
      config.unsubscribeSecret,
      { userId: n.userId, types: [...types] },
      clock.now(),
    );
    const message = emailMessage(n, `${config.publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`, types);
    await withRetries({
      send: () => sender.send(to, message),
      log: (attempt, result, startedAt) => logAttempt(n, 'EMAIL', attempt, result, startedAt),
      now: () => clock.now(),
      sleep,
    });
  }

  async function sendPush(n: Notification, subscriptions: readonly PushSubscription[]): Promise<void> {
    const vapid = config.webPush;
    if (!vapid) return;
    // Attempts of one notification are numbered across its subscriptions (the log's key is notification, channel, attempt).
    let next = 1;
    for (const subscription of subscriptions) {
      let gone = false;
      await withRetries({
        send: async () => {
          const result = await sendWebPush({
            fetch: pushFetch.fetch,
            config: vapid,
            subscription,
            notification: n,
            timeoutMs: config.webhookTimeoutMs,
          });
          gone = result.gone;
          return result;
        },
        log: (attempt, result, startedAt) => {
          next = attempt + 1;
          return logAttempt(n, 'WEB_PUSH', attempt, result, startedAt);
        },
        now: () => clock.now(),
        sleep,
        firstAttempt: next,
      });
      if (gone) await removeGoneSubscription(db, subscription.id);
    }
  }

  function jobsFor(n: Notification, s: UserSettings, subscriptions: readonly PushSubscription[]): Job[] {
    const types = coveredTypes(n);
    const emailTypes = types.filter((t) => typeSettings(s, t).email);
    const webPush = types.some((t) => typeSettings(s, t).webPush);
    const jobs: Job[] = [];
    if (email && emailTypes.length > 0 && s.email) {
      const [sender, to] = [email, s.email];
      jobs.push(() => sendEmail(sender, n, to, emailTypes));
    }
    if (config.webPush && webPush && subscriptions.length > 0) jobs.push(() => sendPush(n, subscriptions));
    return jobs;
  }

  return {
    // Never rejects: the dispatcher does not wait for it, and a failure here must not touch the in-app delivery.
    deliver(notifications) {
      if ((!email && !config.webPush) || notifications.length === 0) return Promise.resolve();
      const done = deliverBatch(notifications).finally(() => deliveries.delete(done));
      deliveries.add(done);
      return done;
    },
    async idle() {
      while (deliveries.size > 0) await Promise.all([...deliveries]);
    },
    async stop() {
      while (deliveries.size > 0 || inFlight.size > 0) await Promise.all([...deliveries, ...inFlight]);
      email?.close();
      await pushFetch.close();
    },
  };

  async function deliverBatch(notifications: readonly Notification[]): Promise<void> {
    try {
      const userIds = notifications.map((n) => n.userId);
      const [settings, subscriptions] = await Promise.all([
        loadSettings(db, userIds),
        config.webPush ? pushSubscriptionsOf(db, userIds) : new Map<string, PushSubscription[]>(),
      ]);
      const jobs = notifications.flatMap((n) => {
        const s = settings.get(n.userId);
        return s && s.notificationsEnabled ? jobsFor(n, s, subscriptions.get(n.userId) ?? []) : [];
      });
      await Promise.all(jobs.map(enqueue));
    } catch (error) {
      logger.error('email/push delivery failed', { error, ids: notifications.map((n) => n.id) });
    }
  }
}
