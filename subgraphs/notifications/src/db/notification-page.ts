/**
 * A page of one recipient's notifications and its totals, as plain SQL read through the row reader
 * (shared/db/sql-reader.ts): the dashboard lists the latest page on every request, and Prisma's findMany spent about a
 * sixth of the notifications subgraph's CPU on it. Rows are what findMany returns: the enum arrays are read as text
 * arrays, JSON parsed, timestamps as Dates. The page and its totals share one WHERE clause, so they always agree on
 * which notifications match.
 */
import { readRows } from '@bloomzy/shared/db/sql-reader';
import { Prisma, type Notification, type NotificationStatus, type NotificationType, type Tx } from './client.js';

export interface NotificationFilter {
  status?: NotificationStatus[] | null;
  type?: NotificationType[] | null;
  unread?: boolean | null;
}

/**
 * Every column of Notification, as findMany gives it: enum arrays as the names they hold, and a list column that is
 * NULL in the database (rows written before it existed, or without it) as an empty list.
 */
const COLUMNS = Prisma.sql`id, "userId", type, status, source, title, body, priority, "traceContext",
  COALESCE(channels::text[], '{}') AS channels, action, "userPlantId", COALESCE("userPlantIds", '{}') AS "userPlantIds",
  COALESCE("careItems", '{}') AS "careItems", "dedupeKey", "scheduledFor", "sentAt", "openedAt", "actedAt",
  "dismissedAt", "cancelledAt", "failedAt", "createdAt", "updatedAt", "dispatchAt",
  COALESCE("pendingChannels"::text[], '{}') AS "pendingChannels", "dispatchRounds", "claimedBy", "claimedUntil",
  "lastError"`;

/** A timestamp(3) parameter: the ISO string's zone (always Z) is ignored by the cast, as the columns hold UTC. */
const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/**
 * Which of `userId`'s notifications a listing shows. Without a status filter: the inbox, that is neither the reminders
 * a schedule change superseded (CANCELLED) nor those still waiting for their time, which would crowd out what was
 * actually delivered. "Unread" is delivered (SENT) and not yet opened, acted on or dismissed (UNREAD in
 * notifications.ts).
 */
export function notificationWhere(userId: string, filter: NotificationFilter | null | undefined, now: Date) {
  // Lists of enum values travel as text[]: PGlite binds a list as an array only for a type it knows.
  const conditions = [Prisma.sql`"userId" = ${userId}::uuid`];
  conditions.push(
    filter?.status
      ? Prisma.sql`status = ANY(${filter.status}::text[]::"NotificationStatus"[])`
      : Prisma.sql`status <> 'CANCELLED' AND NOT (status = 'SCHEDULED' AND "scheduledFor" > ${at(now)})`,
  );
  if (filter?.type) conditions.push(Prisma.sql`type = ANY(${filter.type}::text[]::"NotificationType"[])`);
  if (filter?.unread === true) conditions.push(Prisma.sql`status = 'SENT'`);
  if (filter?.unread === false) conditions.push(Prisma.sql`status <> 'SENT'`);
  return Prisma.join(conditions, ' AND ');
}

/** Up to `take` matching notifications newest first (scheduledFor, then id), strictly after the `after` cursor. */
export function notificationPage(
  db: Tx,
  where: Prisma.Sql,
  after: { scheduledFor: Date; id: string } | null,
  take: number,
): Promise<Notification[]> {
  return readRows<Notification>(
    db,
    Prisma.sql`SELECT ${COLUMNS} FROM "Notification" WHERE ${where}
      ${after ? Prisma.sql`AND ("scheduledFor", id) < (${at(after.scheduledFor)}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY "scheduledFor" DESC, id DESC LIMIT ${take}`,
  );
}

/** How many notifications match (`unread`: of those, how many are unread). */
export async function notificationCount(db: Tx, where: Prisma.Sql, unread = false): Promise<number> {
  const [row] = await readRows<{ n: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS n FROM "Notification" WHERE ${where}
      ${unread ? Prisma.sql`AND status = 'SENT'` : Prisma.empty}`,
  );
  return row?.n ?? 0;
}
