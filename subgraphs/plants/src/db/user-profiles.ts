/**
 * The local copy of each user's timezone and hemisphere, which every care schedule needs (auth's profile events keep
 * it current: see events/profile-events.ts). Stored text is read leniently: an unknown zone or hemisphere gets the
 * schedule's default rather than failing the schedule.
 */
import { readRows } from '@bloomzy/shared/db/sql-reader';
import { isUuid } from '@bloomzy/shared/ids';
import { resolveTimeZone } from '@bloomzy/shared/time-zone';
import { resolveHemisphere } from '../schedule/season.js';
import type { Hemisphere } from '../schedule/types.js';
import { Prisma, type PlantsDb } from './client.js';

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

/** The profiles of `userIds` in one statement, in key order; the default profile for users without a row. */
export async function readProfiles(db: PlantsDb, userIds: readonly string[]): Promise<Profile[]> {
  // Malformed ids cannot have a row and would make Postgres reject the whole statement.
  // Plain SQL, like the other rows every dashboard request reads (rows-by-id.ts says why).
  const rows = await readRows<{ userId: string; timezone: string; hemisphere: string }>(
    db,
    Prisma.sql`
    SELECT "userId", timezone, hemisphere FROM "UserProfile" WHERE "userId" = ANY(${userIds.filter(isUuid)}::uuid[])`,
  );
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  return userIds.map((id) => {
    const row = byUser.get(id);
    return row ? toProfile(row) : defaultProfile(id);
  });
}
