/**
 * The local copy of each user's timezone and hemisphere, which the care schedule needs on every request. Auth
 * publishes profile changes on USER_PROFILE_STREAM; delivery is at-least-once and may reorder, so an event only
 * applies when it is newer than what is stored.
 */
import type { Consumer } from '@bloomzy/shared/messaging/event-bus';
import { USER_PROFILE_TOPIC, type UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import { Prisma } from '../db/client.js';
import { resolveHemisphere, resolveTimeZone, type Hemisphere } from '../schedule/index.js';
import type { PlantsDeps } from './deps.js';
import { SCHEDULE_CHANGED } from './schedule-changed.js';

export interface Profile {
  userId: string;
  timezone: string;
  hemisphere: Hemisphere;
}

/** Users whose profile event has not arrived yet: UTC, northern hemisphere (the schedule's own defaults). */
export const defaultProfile = (userId: string): Profile => ({ userId, timezone: 'UTC', hemisphere: 'NORTHERN' });

export const toProfile = (row: { userId: string; timezone: string; hemisphere: string }): Profile => ({
  userId: row.userId,
  timezone: resolveTimeZone(row.timezone),
  hemisphere: resolveHemisphere(row.hemisphere),
});

/**
 * Stores the event unless a newer one is already stored, and when it changes the user's timezone or hemisphere (which
 * move every schedule: the season is read in the user's time zone and hemisphere), marks their active plants' schedules
 * unpublished in the same transaction, so the schedule reconciler republishes them. The conditional upsert keeps two
 * instances applying events concurrently from letting an older one win; the stored row is read under its lock, so no
 * concurrent event slips between the comparison and the write (for a user's very first, concurrent events there is no
 * row to lock yet: the reconciler's drift check is the backstop). Returns whether the event was applied.
 */
export async function applyProfileEvent(deps: Pick<PlantsDeps, 'db'>, event: UserProfileEvent): Promise<boolean> {
  // The event bus already dropped malformed events (USER_PROFILE_TOPIC's schema checks the UUID and the date).
  const changedAt = new Date(event.changedAt);
  const hemisphere = resolveHemisphere(event.hemisphere);
  const timezone = resolveTimeZone(event.timezone);
  const language = typeof event.language === 'string' && event.language ? event.language : 'en';
  return deps.db.$transaction(async (tx) => {
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
      await tx.userPlant.updateMany({ where: { userId: event.userId, archivedAt: null }, data: SCHEDULE_CHANGED });
    }
    return true;
  });
}

/** Keeps UserProfile current from auth's events (consumer group "plants": each plants instance shares the work). */
export function consumeProfileEvents(deps: PlantsDeps): Consumer {
  return deps.events.consume(USER_PROFILE_TOPIC, 'plants', async (event) => {
    const applied = await applyProfileEvent(deps, event);
    if (!applied)
      deps.logger.debug('profile event skipped (stale)', {
        userId: event.userId,
        changedAt: event.changedAt,
      });
  });
}
