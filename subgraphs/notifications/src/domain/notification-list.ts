/**
 * The recipient's notifications as a Relay connection, newest (latest scheduledFor) first. Keyset pagination on
 * (scheduledFor, id): stable while new notifications arrive, and one indexed range scan per page.
 */
import { badInput } from '@bloomzy/shared/errors';
import { UUID } from '@bloomzy/shared/ids';
import type { Notification, Tx } from '../db/client.js';
import {
  notificationCount,
  notificationPage,
  notificationWhere,
  type NotificationFilter,
} from '../db/notification-page.js';

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

export async function listNotifications(
  db: Tx,
  userId: string,
  args: { filter?: NotificationFilter | null; first?: number | null; after?: string | null },
  now: Date,
): Promise<NotificationPage> {
  const first = args.first ?? 20;
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badInput('first', 'first must be 1–100');
  const where = notificationWhere(userId, args.filter, now);
  const rows = await notificationPage(db, where, args.after ? decodeCursor(args.after) : null, first + 1);
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
    totalCount: () => notificationCount(db, where),
    unreadCount: () => notificationCount(db, where, true),
  };
}
