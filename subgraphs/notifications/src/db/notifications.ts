/** Reads and row locks on Notification that more than one layer needs (loaders, listing, re-planning). */
import { UUID } from '@bloomzy/shared/ids';
import { Prisma, type Notification, type NotificationsDb, type NotificationType, type Tx } from './client.js';

/** "Unread" = delivered and not yet opened, acted on or dismissed. */
export const UNREAD: Prisma.NotificationWhereInput = { status: 'SENT' };

/** The notifications with these ids, one entry per id in the same order (null when there is none). */
export async function notificationsByIds(
  db: NotificationsDb,
  ids: readonly string[],
): Promise<(Notification | null)[]> {
  // Malformed ids cannot exist; filtering them keeps Postgres from rejecting the whole batch on a bad uuid.
  const rows = await db.notification.findMany({ where: { id: { in: ids.filter((id) => UUID.test(id)) } } });
  const byId = new Map(rows.map((n) => [n.id, n]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Each user's unread count, one entry per user id in the same order. */
export async function unreadCounts(db: NotificationsDb, userIds: readonly string[]): Promise<number[]> {
  const groups = await db.notification.groupBy({
    by: ['userId'],
    where: { ...UNREAD, userId: { in: userIds.filter((id) => UUID.test(id)) } },
    _count: { _all: true },
  });
  const byUser = new Map(groups.map((g) => [g.userId, g._count._all]));
  return userIds.map((id) => byUser.get(id) ?? 0);
}

/**
 * The reminder engine's pending reminders (of `types`) of one user (never claimed, still SCHEDULED), locked until the
 * transaction ends so the dispatcher (SKIP LOCKED) cannot claim one while it is being moved.
 */
export async function lockPendingReminders(
  tx: Tx,
  userId: string,
  types: readonly NotificationType[],
): Promise<Notification[]> {
  if (types.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Notification"
    WHERE "userId" = ${userId}::uuid AND "source" = 'ENGINE'
      AND "type"::text IN (${Prisma.join(types)})
      AND "status" = 'SCHEDULED' AND "dispatchRounds" = 0
    FOR UPDATE`;
  if (rows.length === 0) return [];
  return tx.notification.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
}
