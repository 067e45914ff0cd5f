/**
 * What the dispatcher reports to Prometheus: how late notifications go out (due → sent), where each round leaves a
 * notification (by status) and how webhook POSTs end. Labels are the schema's enums, never ids.
 */
import type { Clock } from '@bloomzy/shared/clock';
import { counter, gauge, histogram } from '@bloomzy/shared/metrics/registry';
import type { Notification, NotificationsDb } from '../db/client.js';
import type { WebhookResult } from '../delivery/webhook.js';

const SERVICE = 'notifications';

const dispatchLag = histogram({
  name: 'bloomzy_reminder_dispatch_lag_seconds',
  help: 'Time from when a notification was due (scheduledFor) to when it was sent, by notification type',
  labelNames: ['service', 'type'] as const,
  // A reminder is dispatched within a second or two of falling due; the tail is a service that was down.
  buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 21_600, 86_400],
});

const notificationsByStatus = counter({
  name: 'bloomzy_notifications_total',
  help: 'Notifications the dispatcher moved to a status (SENT, FAILED, CANCELLED; SCHEDULED: a webhook retry planned), by status and type',
  labelNames: ['service', 'status', 'type'] as const,
});

const webhookDeliveries = counter({
  name: 'bloomzy_webhook_deliveries_total',
  help: 'Webhook POSTs by outcome: delivered (2xx), retrying (network error, 408, 429 or 5xx with attempts left), failed (given up or refused)',
  labelNames: ['service', 'outcome'] as const,
});

/** Counts one webhook POST; `retrying` when the dispatcher will try it again. */
export function countWebhook(result: WebhookResult, retrying: boolean): void {
  const outcome = result.ok ? 'delivered' : retrying ? 'retrying' : 'failed';
  webhookDeliveries.inc({ service: SERVICE, outcome });
}

/** Records where one dispatch round left `before` (now `after`), at `at`: its new status and, when first sent, its lag. */
export function observeRound(before: Notification, after: Notification, at: Date): void {
  notificationsByStatus.inc({ service: SERVICE, status: after.status, type: after.type });
  if (before.status === 'SCHEDULED' && after.status === 'SENT') {
    dispatchLag.observe(
      { service: SERVICE, type: after.type },
      Math.max(0, (at.getTime() - before.scheduledFor.getTime()) / 1000),
    );
  }
}

const overdueSources = new Map<symbol, () => Promise<number>>();

/**
 * How long the oldest dispatcher work (a first send or a webhook retry) has been waiting past its time, read at every
 * scrape with one indexed query: unlike the lag histogram, it grows while nothing is being sent at all.
 */
gauge({
  name: 'bloomzy_reminder_dispatch_overdue_seconds',
  help: 'Age of the oldest notification whose dispatch time has passed and that is not yet dispatched (0 when none)',
  labelNames: ['service'] as const,
  async collect() {
    const ages = await Promise.all([...overdueSources.values()].map((read) => read().catch(() => 0)));
    this.set({ service: SERVICE }, Math.max(0, ...ages));
  },
});

/** Reports `db`'s overdue dispatcher work at every scrape until the returned function runs (on stop). */
export function watchOverdue(db: NotificationsDb, clock: Clock): () => void {
  const key = Symbol('overdue');
  overdueSources.set(key, async () => {
    const now = clock.now();
    const oldest = await db.notification.findFirst({
      where: { dispatchAt: { lte: now } },
      orderBy: { dispatchAt: 'asc' },
      select: { dispatchAt: true },
    });
    return oldest?.dispatchAt ? (now.getTime() - oldest.dispatchAt.getTime()) / 1000 : 0;
  });
  return () => void overdueSources.delete(key);
}
