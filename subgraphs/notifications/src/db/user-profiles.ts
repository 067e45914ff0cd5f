/** Writes and locks of UserProfile: the local copy of auth's profile fields, one row per user. */
import type { Tx, UserProfile } from './client.js';

/**
 * Stores a user's profile fields unless the row already reflects a newer (or this very) change; true when written.
 * Events are at-least-once and may be reordered, so the stored changedAt decides.
 */
export async function saveUserProfileIfNewer(
  tx: Tx,
  profile: Omit<UserProfile, 'changedAt' | 'updatedAt' | 'email'> & { changedAt: Date; email?: string | undefined },
  now: Date,
): Promise<boolean> {
  const { userId, timezone, hemisphere, language, notificationsEnabled, notifyInApp, changedAt } = profile;
  const email = profile.email ?? null;
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    INSERT INTO "UserProfile" ("userId", "timezone", "hemisphere", "language", "notificationsEnabled", "notifyInApp", "email", "changedAt", "updatedAt")
    VALUES (${userId}::uuid, ${timezone}, ${hemisphere}, ${language}, ${notificationsEnabled},
            ${notifyInApp}, ${email}, ${changedAt}, ${now})
    ON CONFLICT ("userId") DO UPDATE SET
      "timezone" = EXCLUDED."timezone", "hemisphere" = EXCLUDED."hemisphere", "language" = EXCLUDED."language",
      "notificationsEnabled" = EXCLUDED."notificationsEnabled", "notifyInApp" = EXCLUDED."notifyInApp",
      -- An event from a publisher that does not send the address yet keeps the one we have.
      "email" = COALESCE(EXCLUDED."email", "UserProfile"."email"),
      "changedAt" = EXCLUDED."changedAt", "updatedAt" = EXCLUDED."updatedAt"
    WHERE "UserProfile"."changedAt" IS NULL OR "UserProfile"."changedAt" < EXCLUDED."changedAt"
    RETURNING "userId"::text AS "userId"`;
  return rows.length > 0;
}

/**
 * Locks the user's row (created with defaults when missing) until the transaction ends: whoever re-plans a user's
 * reminders takes it first, so concurrent events for one user, on any instance, queue instead of racing.
 */
export async function lockUserProfile(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.$executeRaw`INSERT INTO "UserProfile" ("userId", "updatedAt") VALUES (${userId}::uuid, ${now}) ON CONFLICT ("userId") DO NOTHING`;
  await tx.$queryRaw`SELECT "userId" FROM "UserProfile" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
}
