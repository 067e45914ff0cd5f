/**
 * The recipient's notifications as a Relay connection, newest (latest scheduledFor) first. Keyset pagination on
 * (scheduledFor, id): stable while new notifications arrive, and one indexed range scan per page.
 */
import { badInput } from '@bloomzy/shared/errors';
import { UUID } from '@bloomzy/shared/ids';
import type { Notification, NotificationStatus, NotificationType, Prisma, Tx } from '../db/client.js';
import { UNREAD } from '../db/notifications.js';

export interface NotificationFilter {
  status?: NotificationStatus[] | null;
  type?: NotificationType[] | null;
  unread?: boolean | null;
}

export interface NotificationPage {
  edges: { cursor: string; node: Notification }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when a client asks for it (a dashboard listing the latest page does not). */
  totalCount: () => Promise<number>;
  unreadCount: () => Promise<number>;
}

const encodeCursor = (n: Notification): string =>
  Buffer.from(`${n.scheduledFor.toISOString()}|${n.id}`).toString('base64url');

function decodeCursor(cursor: string): { scheduledFor: Date; id: string } {
  const [time = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const scheduledFor = new Date(time);
  if (Number.isNaN(scheduledFor.getTime()) || !UUID.test(id))
    throw badInput('after', 'after is not a cursor from this connection');
  return { scheduledFor, id };
}

/**
 * What an inbox shows when no status is asked for: not the reminders a schedule change superseded (CANCELLED) nor
 * the ones still waiting for their time, which would otherwise crowd out what was actually delivered.
 */
const inbox = (now: Date): Prisma.NotificationWhereInput => ({
  status: { not: 'CANCELLED' },
  NOT: { status: 'SCHEDULED', scheduledFor: { gt: now } },
});

function filterWhere(
  userId: string,
  filter: NotificationFilter | null | undefined,
  now: Date,
): Prisma.NotificationWhereInput {
  const and: Prisma.NotificationWhereInput[] = [{ userId }];
  and.push(filter?.status ? { status: { in: filter.status } } : inbox(now));
  if (filter?.type) and.push({ type: { in: filter.type } });
  if (filter?.unread === true) and.push(UNREAD);
  if (filter?.unread === false) and.push({ status: { not: 'SENT' } });
  return { AND: and };
}

export async function listNotifications(
  db: Tx,
  userId: string,
  args: { filter?: NotificationFilter | null; first?: number | null; after?: string | null },
  now: Date,
): Promise<NotificationPage> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'first must be 1–100');
  const where = filterWhere(userId, args.filter, now);
  const page: Prisma.NotificationWhereInput[] = [where];
  if (args.after) {
    const c = decodeCursor(args.after);
    page.push({ OR: [{ scheduledFor: { lt: c.scheduledFor } }, { scheduledFor: c.scheduledFor, id: { lt: c.id } }] });
  }
  const rows = await db.notification.findMany({
    where: { AND: page },
    orderBy: [{ scheduledFor: 'desc' }, { id: 'desc' }],
    take: first + 1,
  });
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => db.notification.count({ where }),
    unreadCount: () => db.notification.count({ where: { AND: [where, UNREAD] } }),
  };
}
