/** Per-request DataLoaders: entity references, delivery logs and unread counts each cost one query per request. */
import DataLoader from 'dataloader';
import { UUID } from '@bloomzy/shared/ids';
import type { DeliveryAttempt, Notification, NotificationsDb } from './db/client.js';
import { UNREAD } from './domain/notification-list.js';

export interface Loaders {
  notification: DataLoader<string, Notification | null>;
  deliveryAttempts: DataLoader<string, DeliveryAttempt[]>;
  unreadCount: DataLoader<string, number>;
}

export function createLoaders(db: NotificationsDb): Loaders {
  return {
    notification: new DataLoader(async (ids) => {
      // Malformed ids cannot exist; filtering them keeps Postgres from rejecting the whole batch on a bad uuid.
      const rows = await db.notification.findMany({ where: { id: { in: ids.filter((id) => UUID.test(id)) } } });
      const byId = new Map(rows.map((n) => [n.id, n]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    deliveryAttempts: new DataLoader(async (ids) => {
      const rows = await db.deliveryAttempt.findMany({
        where: { notificationId: { in: [...ids] } },
        orderBy: [{ startedAt: 'asc' }, { attempt: 'asc' }, { channel: 'asc' }],
      });
      return ids.map((id) => rows.filter((r) => r.notificationId === id));
    }),
    unreadCount: new DataLoader(async (userIds) => {
      const groups = await db.notification.groupBy({
        by: ['userId'],
        where: { ...UNREAD, userId: { in: userIds.filter((id) => UUID.test(id)) } },
        _count: { _all: true },
      });
      const byUser = new Map(groups.map((g) => [g.userId, g._count._all]));
      return userIds.map((id) => byUser.get(id) ?? 0);
    }),
  };
}
