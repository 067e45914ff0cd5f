/**
 * Keeps the local copy of each user's timezone and hemisphere (db/user-profiles.ts) current from auth's profile events
 * on USER_PROFILE_STREAM. Delivery is at-least-once and may reorder, so an event only applies when it is newer than what
 * is stored.
 */
import type { Consumer } from '@bloomzy/shared/messaging/event-bus';
import { USER_PROFILE_TOPIC, type UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import { resolveTimeZone } from '@bloomzy/shared/time-zone';
import { Prisma } from '../db/client.js';
import { SCHEDULE_VERSION_BUMP } from '../db/schedule-publication.js';
import { defaultProfile, toProfile } from '../db/user-profiles.js';
import type { PlantsRuntime } from '../runtime.js';
import { resolveHemisphere } from '../schedule/season.js';

/**
 * Stores the event unless a newer one is already stored, and when it changes the user's timezone or hemisphere (which
 * move every schedule: the season is read in the user's time zone and hemisphere), marks their active plants' schedules
 * unpublished in the same transaction, so the schedule reconciler republishes them. The conditional upsert keeps two
 * instances applying events concurrently from letting an older one win; the stored row is read under its lock, so no
 * concurrent event slips between the comparison and the write (for a user's very first, concurrent events there is no
 * row to lock yet: the reconciler's drift check is the backstop). Returns whether the event was applied.
 */
async function applyProfileEvent(runtime: Pick<PlantsRuntime, 'db'>, event: UserProfileEvent): Promise<boolean> {
  // The event bus already dropped malformed events (USER_PROFILE_TOPIC's schema checks the UUID and the date).
  const changedAt = new Date(event.changedAt);
  const hemisphere = resolveHemisphere(event.hemisphere);
  const timezone = resolveTimeZone(event.timezone);
  const language = typeof event.language === 'string' && event.language ? event.language : 'en';
  return runtime.db.$transaction(async (tx) => {
    const [stored] = await tx.$queryRaw<{ timezone: string; hemisphere: string }[]>(Prisma.sql`
      SELECT timezone, hemisphere FROM "UserProfile" WHERE "userId" = ${event.userId}::uuid FOR UPDATE`);
    const applied = await tx.$executeRaw(Prisma.sql`
      INSERT INTO "UserProfile" ("userId", timezone, hemisphere, language, "changedAt", "updatedAt")
      VALUES (${event.userId}::uuid, ${timezone}, ${hemisphere}, ${language}, ${changedAt.toISOString()}::timestamp(3), now())
      ON CONFLICT ("userId") DO UPDATE
        SET timezone = EXCLUDED.timezone, hemisphere = EXCLUDED.hemisphere, language = EXCLUDED.language,
            "changedAt" = EXCLUDED."changedAt", "updatedAt" = now()
        WHERE "UserProfile"."changedAt" < EXCLUDED."changedAt"`);
    if (applied === 0) return false;
    // No stored row means the schedules so far used the defaults, so only a non-default profile moves them.
    const before = stored ? toProfile({ userId: event.userId, ...stored }) : defaultProfile(event.userId);
    if (before.timezone !== timezone || before.hemisphere !== hemisphere) {
      await tx.userPlant.updateMany({ where: { userId: event.userId, archivedAt: null }, data: SCHEDULE_VERSION_BUMP });
    }
    return true;
  });
}

/** Keeps UserProfile current from auth's events (consumer group "plants": each plants instance shares the work). */
export function consumeProfileEvents(runtime: PlantsRuntime): Consumer {
  return runtime.events.consume(USER_PROFILE_TOPIC, 'plants', async (event) => {
    const applied = await applyProfileEvent(runtime, event);
    if (!applied)
      runtime.logger.debug('profile event skipped (stale)', {
        userId: event.userId,
        changedAt: event.changedAt,
      });
  });
}
