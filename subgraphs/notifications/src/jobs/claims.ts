/**
 * Claiming due work and recording its outcome: the two database steps that make delivery exactly-once per claim.
 *
 * claimDue is one statement: `FOR UPDATE SKIP LOCKED` picks due rows no other instance is claiming at this moment,
 * and the UPDATE stamps them with this claim's token and a lease. A row is claimable when due and not under a live
 * lease, so two instances never hold the same row, and a crashed instance's rows are retaken once its lease expires.
 * The lease outlasts the batch's delivery (see leaseMsFor), so a live instance always finishes in time.
 *
 * completeRound writes the outcome only while this claim still holds the row (`claimedBy = token`): SENT is written
 * once, by the one instance that holds the claim, together with the IN_APP entry of the delivery log.
 */
import type { DeliveryAttempt, Notification, NotificationChannel, NotificationsDb } from '../db/client.js';
import { inTransaction } from '../db/client.js';

/**
 * How long a claim holds: long enough for the slowest notification of what the dispatcher has claimed at once
 * (`claimedAtOnce`: batch size × batches in flight). Webhooks run at most `concurrency` at once and no new batch is
 * claimed while more than `concurrency` wait, so a claimed notification waits at most ceil(claimedAtOnce /
 * concurrency) + 1 rounds of webhooks, each one webhook timeout; 30 s cover the database round trips. For a single
 * notification (the arguments' defaults) it is the webhook timeout + 30 s.
 */
export const leaseMsFor = (webhookTimeoutMs: number, claimedAtOnce = 1, concurrency = 1): number =>
  (Math.ceil(claimedAtOnce / concurrency) + (claimedAtOnce > 1 ? 1 : 0)) * webhookTimeoutMs + 30_000;

export interface ClaimOptions {
  now: Date;
  token: string;
  leaseMs: number;
  limit: number;
  /**
   * Claim rows due up to this instant (default `now`): the dispatcher claims what falls due within its look-ahead
   * before it is due, so at the due instant only the SENT write and the publish remain. Leases still count from `now`.
   */
  dueBy?: Date;
}

/** Claims up to `limit` due notifications (see the top of this file); returns them as they are after the claim. */
export async function claimDue(db: NotificationsDb, options: ClaimOptions): Promise<Notification[]> {
  return (await claimBatch(db, options)).claimed;
}

/**
 * claimDue, and in the same statement the earliest dispatch time after `now` (null when none): an idle dispatcher
 * learns when to wake next from the one statement it runs per look, instead of a second query.
 */
export async function claimBatch(
  db: NotificationsDb,
  options: ClaimOptions,
): Promise<{ claimed: Notification[]; next: Date | null }> {
  const { now, token, limit } = options;
  const dueBy = options.dueBy ?? now;
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  // Paused users' notifications are simply not claimable until the pause ends, webhook retries included.
  const rows = await db.$queryRaw<{ id: string | null; next: Date | null }[]>`
    WITH due AS MATERIALIZED (
      SELECT n."id" FROM "Notification" n
      WHERE n."dispatchAt" <= ${dueBy}
        AND (n."claimedUntil" IS NULL OR n."claimedUntil" <= ${now})
        AND NOT EXISTS (
          SELECT 1 FROM "NotificationPreferences" p WHERE p."userId" = n."userId" AND p."pausedUntil" > ${now})
      ORDER BY n."dispatchAt", n."id"
      LIMIT ${limit}
      FOR UPDATE OF n SKIP LOCKED
    ), claimed AS (
      UPDATE "Notification" AS n
      SET "claimedBy" = ${token}, "claimedUntil" = ${leaseUntil}, "dispatchRounds" = n."dispatchRounds" + 1
      FROM due WHERE n."id" = due."id"
      RETURNING n."id"
    )
    SELECT "id"::text AS "id", NULL::timestamp(3) AS "next" FROM claimed
    UNION ALL
    SELECT NULL, (SELECT min("dispatchAt") FROM "Notification" WHERE "dispatchAt" > ${dueBy})`;
  const ids = rows.flatMap((r) => (r.id === null ? [] : [r.id]));
  const next = rows.find((r) => r.id === null)?.next ?? null;
  if (ids.length === 0) return { claimed: [], next };
  const claimed = await db.notification.findMany({
    where: { id: { in: ids }, claimedBy: token },
    orderBy: { dispatchAt: 'asc' },
  });
  return { claimed, next };
}

/**
 * Gives back claims taken ahead that are not due after all when the dispatcher came to send them (its clock disagrees
 * with the timer, as a test clock may): the rows become claimable again, as if never claimed (the claim's round is not
 * counted, so the reminder engine may still move them).
 */
export async function releaseClaims(db: NotificationsDb, token: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE "Notification"
    SET "claimedBy" = NULL, "claimedUntil" = NULL, "dispatchRounds" = "dispatchRounds" - 1
    WHERE "id" = ANY(${[...ids]}::uuid[]) AND "claimedBy" = ${token}`;
}

/** Whether `token` still holds the claim on a SCHEDULED row `id` (its recipient may have cancelled it meanwhile). */
export async function stillClaimed(db: NotificationsDb, id: string, token: string): Promise<boolean> {
  return (await db.notification.count({ where: { id, claimedBy: token, status: 'SCHEDULED' } })) === 1;
}

export type AttemptRecord = Omit<DeliveryAttempt, 'id' | 'notificationId'>;

export interface RoundOutcome {
  /** Channels that delivered in this round. */
  delivered: NotificationChannel[];
  /** Channels that failed and will be tried again at `retryAt`. */
  retry: NotificationChannel[];
  retryAt: Date | null;
  /** Log entries written atomically with the outcome (IN_APP: it is delivered exactly when SENT commits). */
  attempts: AttemptRecord[];
  lastError: string | null;
  /** Cancel instead of delivering (the user turned notifications off). */
  cancel: boolean;
}

/**
 * Writes the round's outcome; returns the updated row, or null when the claim was lost (the lease expired and another
 * instance took over), in which case nothing is written and the caller must not publish.
 */
export async function completeRound(
  db: NotificationsDb,
  claimed: Notification,
  token: string,
  outcome: RoundOutcome,
  now: Date,
): Promise<Notification | null> {
  const firstSend = claimed.status === 'SCHEDULED';
  const release = { claimedBy: null, claimedUntil: null, lastError: outcome.lastError };
  const retryLater = { dispatchAt: outcome.retry.length > 0 ? outcome.retryAt : null, pendingChannels: outcome.retry };
  let data;
  if (!firstSend) {
    // A retry round (e.g. a webhook after IN_APP already delivered): the status is the user's by now (they may have
    // opened or dismissed it meanwhile), so only the delivery bookkeeping changes.
    data = { ...release, ...retryLater };
  } else if (outcome.cancel) {
    data = { ...release, status: 'CANCELLED' as const, cancelledAt: now, dispatchAt: null, pendingChannels: [] };
  } else if (outcome.delivered.length > 0) {
    data = { ...release, ...retryLater, status: 'SENT' as const, sentAt: now };
  } else if (outcome.retry.length > 0) {
    data = { ...release, ...retryLater };
  } else {
    data = { ...release, status: 'FAILED' as const, failedAt: now, dispatchAt: null, pendingChannels: [] };
  }
  // While claimed, nobody else changes a SCHEDULED row (cancel is refused under a live lease), so the status guard
  // only bites when our lease expired and the row moved on without us.
  const where = firstSend
    ? { id: claimed.id, claimedBy: token, status: 'SCHEDULED' as const }
    : { id: claimed.id, claimedBy: token };
  return inTransaction(db, async (tx) => {
    const { count } = await tx.notification.updateMany({ where, data });
    if (count !== 1) return null;
    if (outcome.attempts.length > 0) {
      await tx.deliveryAttempt.createMany({
        data: outcome.attempts.map((a) => ({ ...a, notificationId: claimed.id })),
      });
    }
    return tx.notification.findUnique({ where: { id: claimed.id } });
  });
}
