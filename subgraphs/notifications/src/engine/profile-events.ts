/**
 * Keeps the local copy of auth's profile fields current (timezone, notification switches) and re-times the user's
 * reminders when they change. Events older than the stored changedAt are ignored (at-least-once, maybe reordered).
 */
import type { UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import type { NotificationsDb } from '../db/client.js';
import { inTransaction } from '../db/client.js';
import type { NotificationsDeps } from '../domain/deps.js';
import { replanUser } from './replan.js';

export async function applyUserProfileEvent(
  deps: Pick<NotificationsDeps, 'clock' | 'logger'> & { db: NotificationsDb },
  event: UserProfileEvent,
): Promise<boolean> {
  const now = deps.clock.now();
  const changedAt = new Date(event.changedAt);
  return inTransaction(deps.db, async (tx) => {
    const rows = await tx.$queryRaw<{ userId: string }[]>`
      INSERT INTO "UserProfile" ("userId", "timezone", "hemisphere", "language", "notificationsEnabled", "notifyInApp", "changedAt", "updatedAt")
      VALUES (${event.userId}::uuid, ${event.timezone}, ${event.hemisphere}, ${event.language}, ${event.notificationsEnabled},
              ${event.notifyInApp}, ${changedAt}, ${now})
      ON CONFLICT ("userId") DO UPDATE SET
        "timezone" = EXCLUDED."timezone", "hemisphere" = EXCLUDED."hemisphere", "language" = EXCLUDED."language",
        "notificationsEnabled" = EXCLUDED."notificationsEnabled", "notifyInApp" = EXCLUDED."notifyInApp",
        "changedAt" = EXCLUDED."changedAt", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "UserProfile"."changedAt" IS NULL OR "UserProfile"."changedAt" < EXCLUDED."changedAt"
      RETURNING "userId"::text AS "userId"`;
    if (rows.length === 0) return false;
    await replanUser(tx, event.userId, now);
    return true;
  });
}
