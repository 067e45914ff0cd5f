/**
 * The local copy of each user's timezone and hemisphere, which the care schedule needs on every request. Auth
 * publishes profile changes on USER_PROFILE_STREAM; delivery is at-least-once and may reorder, so an event only
 * applies when it is newer than what is stored.
 */
import { USER_PROFILE_STREAM, type UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import type { Consumer } from '@bloomzy/shared/messaging/event-bus';
import { Prisma } from '../db.js';
import { resolveHemisphere, resolveTimeZone, type Hemisphere } from '../schedule/index.js';
import type { PlantsDeps } from './deps.js';
import { isUuid } from './validation.js';

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
 * Stores the event unless a newer one is already stored. One conditional upsert, so two instances applying events
 * concurrently cannot let an older one win. Returns whether the event was applied.
 */
export async function applyProfileEvent(deps: Pick<PlantsDeps, 'db'>, event: UserProfileEvent): Promise<boolean> {
  const changedAt = new Date(event.changedAt);
  // A malformed event can never become valid; dropping it (with a log line) beats redelivering it forever.
  if (!isUuid(event.userId) || Number.isNaN(changedAt.getTime())) return false;
  const hemisphere = resolveHemisphere(event.hemisphere);
  const timezone = resolveTimeZone(event.timezone);
  const language = typeof event.language === 'string' && event.language ? event.language : 'en';
  const updated = await deps.db.$executeRaw(Prisma.sql`
    INSERT INTO "UserProfile" ("userId", timezone, hemisphere, language, "changedAt", "updatedAt")
    VALUES (${event.userId}::uuid, ${timezone}, ${hemisphere}, ${language}, ${changedAt.toISOString()}::timestamp(3), now())
    ON CONFLICT ("userId") DO UPDATE
      SET timezone = EXCLUDED.timezone, hemisphere = EXCLUDED.hemisphere, language = EXCLUDED.language,
          "changedAt" = EXCLUDED."changedAt", "updatedAt" = now()
      WHERE "UserProfile"."changedAt" < EXCLUDED."changedAt"`);
  return updated > 0;
}

/** Keeps UserProfile current from auth's events (consumer group "plants": each plants instance shares the work). */
export function consumeProfileEvents(deps: PlantsDeps): Consumer {
  return deps.events.consume<UserProfileEvent>(USER_PROFILE_STREAM, 'plants', async (event) => {
    const applied = await applyProfileEvent(deps, event);
    if (!applied) deps.logger.debug('profile event skipped (stale or malformed)', { userId: event.userId, changedAt: event.changedAt });
  });
}
