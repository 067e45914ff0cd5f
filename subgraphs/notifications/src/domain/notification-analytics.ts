/** Counts and rates over the recipient's notifications scheduled in the last `periodDays` days. */
import { badInput } from '@bloomzy/shared/errors';
import type { NotificationChannel, NotificationStatus, NotificationType, Prisma, Tx } from '../db/client.js';

export interface NotificationAnalytics {
  periodDays: number;
  since: Date;
  total: number;
  byStatus: { status: NotificationStatus; count: number }[];
  byType: { type: NotificationType; count: number }[];
  byChannel: { channel: NotificationChannel; count: number }[];
  openRate: number;
  actionRate: number;
}

const DAY_MS = 86_400_000;
const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

export async function notificationAnalytics(
  db: Tx,
  userId: string,
  periodDays: number,
  now: Date,
): Promise<NotificationAnalytics> {
  if (!Number.isInteger(periodDays) || periodDays < 1 || periodDays > 365)
    throw badInput('periodDays', 'periodDays must be 1–365');
  const since = new Date(now.getTime() - periodDays * DAY_MS);
  const inPeriod: Prisma.NotificationWhereInput = { userId, scheduledFor: { gte: since, lte: now } };
  const delivered: Prisma.NotificationWhereInput = { ...inPeriod, sentAt: { not: null } };
  const [byStatus, byType, byChannel, deliveredCount, opened, acted] = await Promise.all([
    db.notification.groupBy({ by: ['status'], where: inPeriod, _count: { _all: true } }),
    db.notification.groupBy({ by: ['type'], where: inPeriod, _count: { _all: true } }),
    // A channel succeeds at most once per notification, so successful attempts count notifications delivered.
    db.deliveryAttempt.groupBy({
      by: ['channel'],
      where: { outcome: 'SUCCEEDED', notification: inPeriod },
      _count: { _all: true },
    }),
    db.notification.count({ where: delivered }),
    db.notification.count({ where: { ...delivered, openedAt: { not: null } } }),
    db.notification.count({ where: { ...delivered, actedAt: { not: null } } }),
  ]);
  return {
    periodDays,
    since,
    total: byStatus.reduce((sum, g) => sum + g._count._all, 0),
    byStatus: byStatus.map((g) => ({ status: g.status, count: g._count._all })),
    byType: byType.map((g) => ({ type: g.type, count: g._count._all })),
    byChannel: byChannel.map((g) => ({ channel: g.channel, count: g._count._all })),
    openRate: rate(opened, deliveredCount),
    actionRate: rate(acted, deliveredCount),
  };
}
