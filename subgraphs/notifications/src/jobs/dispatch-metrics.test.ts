/** What the dispatcher reports: lag only for a first send, every status a round leaves, webhook outcomes. */
import { describe, expect, it } from 'vitest';
import { metricsRegistry } from '@bloomzy/shared/metrics/registry';
import type { Notification } from '../db/client.js';
import { countWebhook, observeRound } from './dispatch-metrics.js';

async function value(name: string, labels: Record<string, string>): Promise<number> {
  const metric = metricsRegistry.getSingleMetric(name.replace(/_(count|sum)$/, ''));
  const { values } = (await metric?.get()) ?? { values: [] };
  return values
    .filter((v) => ((v as { metricName?: string }).metricName ?? name) === name)
    .filter((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))
    .reduce((sum, v) => sum + v.value, 0);
}

const due = new Date('2026-03-01T09:00:00Z');
const notification = (status: Notification['status']) =>
  ({ status, type: 'WATERING_REMINDER', scheduledFor: due }) as Notification;

describe('dispatch metrics', () => {
  it('observes the lag from due to sent for a first send only, and counts every status a round leaves', async () => {
    const lag = { service: 'notifications', type: 'WATERING_REMINDER' };
    observeRound(notification('SCHEDULED'), notification('SENT'), new Date(due.getTime() + 90_000));
    expect(await value('bloomzy_reminder_dispatch_lag_seconds_count', lag)).toBe(1);
    expect(await value('bloomzy_reminder_dispatch_lag_seconds_sum', lag)).toBe(90);
    // A webhook retry that succeeds later is no new send.
    observeRound(notification('SENT'), notification('SENT'), new Date(due.getTime() + 200_000));
    observeRound(notification('SCHEDULED'), notification('FAILED'), new Date(due.getTime() + 5_000));
    expect(await value('bloomzy_reminder_dispatch_lag_seconds_count', lag)).toBe(1);
    const status = (s: string) => value('bloomzy_notifications_total', { status: s, type: 'WATERING_REMINDER' });
    expect([await status('SENT'), await status('FAILED')]).toEqual([2, 1]);
  });

  it('counts webhook POSTs as delivered, retrying or failed', async () => {
    const result = { httpStatus: 503, error: 'Webhook answered HTTP 503' };
    countWebhook({ ...result, ok: true, retryable: false, httpStatus: 200, error: null }, false);
    countWebhook({ ...result, ok: false, retryable: true }, true);
    countWebhook({ ...result, ok: false, retryable: true }, false);
    const outcome = (o: string) => value('bloomzy_webhook_deliveries_total', { outcome: o });
    expect([await outcome('delivered'), await outcome('retrying'), await outcome('failed')]).toEqual([1, 1, 1]);
  });
});
