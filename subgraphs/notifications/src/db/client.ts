/** The notifications database's Prisma client (generated into src/__generated__/prisma from prisma/notifications/schema.prisma; only this service imports it). */
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { attachReader, createSqlReader } from '@bloomzy/shared/db/sql-reader';
import { PrismaClient } from '../__generated__/prisma/client.js';

export type NotificationsDb = InstanceType<typeof PrismaClient>;
/** A client or an interactive transaction: domain functions that run inside a caller's transaction take this. */
export type Tx = Parameters<Parameters<NotificationsDb['$transaction']>[0]>[0];
export { Prisma } from '../__generated__/prisma/client.js';
export type {
  DeliveryAttempt,
  Notification,
  NotificationChannel,
  NotificationStatus,
  NotificationType,
  PlantSchedule,
  PushSubscription,
  UserProfile,
} from '../__generated__/prisma/client.js';

/** The client, with a row reader on the same adapter for the plain SQL every listing reads (sql-reader.ts). */
export const createNotificationsDb = (adapter: SqlMigrationAwareDriverAdapterFactory): NotificationsDb =>
  attachReader(new PrismaClient({ adapter }), createSqlReader(adapter));

/**
 * Runs `fn` in an interactive transaction. The embedded database serialises transactions, so several may queue:
 * waiting and running limits are generous rather than Prisma's 2 s / 5 s defaults.
 */
export function inTransaction<T>(db: NotificationsDb, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn, { maxWait: 15_000, timeout: 30_000 });
}
