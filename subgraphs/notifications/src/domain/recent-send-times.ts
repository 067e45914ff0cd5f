/** What counts against a user's rate limits: the same notifications for every planner (reminders and care tips). */
import type { Tx } from '../db/client.js';

/** Sent or scheduled notifications this far back still count against the (daily) rate limit. */
const LIMIT_LOOKBACK_MS = 2 * 86_400_000;

/**
 * Send times of the user's notifications sent recently or still scheduled, except `exclude` (the ones the caller is
 * about to re-plan itself).
 */
export async function recentSendTimes(
  tx: Tx,
  userId: string,
  now: Date,
  exclude: readonly string[] = [],
): Promise<Date[]> {
  const since = new Date(now.getTime() - LIMIT_LOOKBACK_MS);
  const rows = await tx.notification.findMany({
    where: {
      userId,
      id: { notIn: [...exclude] },
      OR: [{ sentAt: { gte: since } }, { status: 'SCHEDULED', scheduledFor: { gte: since } }],
    },
    select: { sentAt: true, scheduledFor: true },
  });
  return rows.map((o) => o.sentAt ?? o.scheduledFor);
}
