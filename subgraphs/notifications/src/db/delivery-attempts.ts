/** Reads of the delivery log (DeliveryAttempt). */
import type { DeliveryAttempt, NotificationsDb } from './client.js';

/** Each notification's delivery attempts in the order they were made, one list per id in the same order. */
export async function deliveryAttemptsOf(
  db: NotificationsDb,
  notificationIds: readonly string[],
): Promise<DeliveryAttempt[][]> {
  const rows = await db.deliveryAttempt.findMany({
    where: { notificationId: { in: [...notificationIds] } },
    orderBy: [{ startedAt: 'asc' }, { attempt: 'asc' }, { channel: 'asc' }],
  });
  return notificationIds.map((id) => rows.filter((r) => r.notificationId === id));
}
