/** Reads and writes of PushSubscription: browsers' Web Push subscriptions, one row per endpoint. */
import type { NotificationsDb, PushSubscription, Tx } from './client.js';

/** Every subscription of the given users, in one query (the channel sender loads a batch's at once). */
export async function pushSubscriptionsOf(
  db: Tx,
  userIds: readonly string[],
): Promise<Map<string, PushSubscription[]>> {
  const rows = await db.pushSubscription.findMany({
    where: { userId: { in: [...new Set(userIds)] } },
    orderBy: { createdAt: 'asc' },
  });
  const out = new Map<string, PushSubscription[]>();
  for (const row of rows) out.set(row.userId, [...(out.get(row.userId) ?? []), row]);
  return out;
}

/** Forgets a subscription the push service no longer knows (404/410). Deleting one already gone is fine. */
export async function removeGoneSubscription(db: NotificationsDb, id: string): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { id } });
}
