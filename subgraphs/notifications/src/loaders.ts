/** Per-request DataLoaders: entity references, delivery logs and unread counts each cost one query per request. */
import DataLoader from 'dataloader';
import type { DeliveryAttempt, Notification, NotificationsDb } from './db/client.js';
import { deliveryAttemptsOf } from './db/delivery-attempts.js';
import { notificationsByIds, unreadCounts } from './db/notifications.js';

export interface Loaders {
  notification: DataLoader<string, Notification | null>;
  deliveryAttempts: DataLoader<string, DeliveryAttempt[]>;
  unreadCount: DataLoader<string, number>;
}

export function createLoaders(db: NotificationsDb): Loaders {
  return {
    notification: new DataLoader((ids) => notificationsByIds(db, ids)),
    deliveryAttempts: new DataLoader((ids) => deliveryAttemptsOf(db, ids)),
    unreadCount: new DataLoader((userIds) => unreadCounts(db, userIds)),
  };
}
