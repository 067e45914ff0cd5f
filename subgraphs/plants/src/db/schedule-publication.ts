/**
 * The bookkeeping behind care-schedule publication (see events/care-schedule-events.ts for the protocol). Each is
 * one statement over a whole batch, so publishing 1 or 200 plants costs the same number of round trips, and none holds
 * a transaction open across a publish: on Postgres that would pin a pooled connection for the length of a Redis call,
 * and PGlite runs one session, so an open transaction would block every other query of the process.
 */
import { Prisma, type PlantsDb, type PlantsTx, type UserPlant } from './client.js';

/**
 * The Prisma update that marks a plant's care-schedule event unpublished: spread it into the write that changes what the
 * event says (its schedule inputs, nickname or archiving), inside the same statement or transaction. From the commit on,
 * the change is recorded as unpublished until an event about it is confirmed, so a publish lost after the commit is
 * redone by the schedule reconciler.
 */
export const SCHEDULE_VERSION_BUMP = {
  scheduleVersion: { increment: 1 },
} as const satisfies Prisma.UserPlantUpdateManyMutationInput;

/** One published (or failed) event, as the bookkeeping needs it. */
export interface PublishedEvent {
  id: string;
  /** scheduleVersion read when the plant was stamped: every change up to it is covered by this event. */
  version: number;
  /** The stamp, which is also the event's changedAt. */
  changedAt: Date;
  nextWateringAt: Date | null;
  /** The other care tasks the event carries (what notifications holds once it is the newest). */
  otherTasks: readonly { task: string; dueAt: string }[];
}

/**
 * What the reconciler saw of a plant when it decided an event was due. The claim fails if anyone stamped the plant
 * since (scheduleEventAt) or confirmed a publish of it (publishedAt: a stamp alone would miss a publisher that was
 * already leased when the plant was read and has finished since).
 */
export type SeenPlant = Pick<UserPlant, 'id' | 'scheduleEventAt' | 'publishedAt'>;

/** One JSON parameter instead of one array per column: keeps nulls and timestamps intact on both drivers. */
const rows = (values: readonly object[]) => Prisma.sql`${JSON.stringify(values)}::jsonb`;

/**
 * The stamp every event gets: max(now, previous + 1 ms), so changedAt strictly increases per plant even when two
 * changes share a millisecond (consumers keep only the newest event per plant).
 */
const stamp = (now: Date) =>
  Prisma.sql`GREATEST(${now.toISOString()}::timestamp(3), u."scheduleEventAt" + interval '1 millisecond')`;

/**
 * Stamps plants whose change was just committed and takes their lease, unconditionally: the writer must publish its own
 * change even while a reconciler holds the plant (a duplicate is harmless, a skipped change is not). The row lock
 * orders concurrent stampers and the rows come back read after the stamp, so the highest stamp carries the newest state.
 */
export function stampForPublish(
  db: PlantsDb,
  ids: readonly string[],
  now: Date,
  leaseUntil: Date,
): Promise<UserPlant[]> {
  return db.$queryRaw<UserPlant[]>(Prisma.sql`
    UPDATE "UserPlant" u
    SET "scheduleEventAt" = ${stamp(now)}, "scheduleLeaseUntil" = ${leaseUntil.toISOString()}::timestamp(3)
    WHERE u.id = ANY(${[...ids]}::uuid[])
    RETURNING u.*`);
}

/**
 * The reconciler's claim: stamps and leases only the plants whose publication nobody touched since `seen` was read and
 * nobody holds a lease on. SKIP LOCKED passes over rows another transaction is writing right now (that writer publishes, or the next
 * run looks again) instead of waiting on them, which also rules out lock-order deadlocks between two reconcilers.
 */
export function claimForPublish(
  db: PlantsDb,
  seen: readonly SeenPlant[],
  now: Date,
  leaseUntil: Date,
): Promise<UserPlant[]> {
  const at = now.toISOString();
  return db.$queryRaw<UserPlant[]>(Prisma.sql`
    WITH claimable AS (
      SELECT u.id FROM "UserPlant" u
      JOIN jsonb_to_recordset(${rows(seen)}) AS s(id uuid, "scheduleEventAt" timestamp(3), "publishedAt" timestamp(3)) ON s.id = u.id
      WHERE u."scheduleEventAt" IS NOT DISTINCT FROM s."scheduleEventAt"
        AND u."publishedAt" IS NOT DISTINCT FROM s."publishedAt"
        AND (u."scheduleLeaseUntil" IS NULL OR u."scheduleLeaseUntil" <= ${at}::timestamp(3))
      FOR NO KEY UPDATE OF u SKIP LOCKED
    )
    UPDATE "UserPlant" u
    SET "scheduleEventAt" = ${stamp(now)}, "scheduleLeaseUntil" = ${leaseUntil.toISOString()}::timestamp(3)
    FROM claimable c WHERE u.id = c.id
    RETURNING u.*`);
}

/**
 * Records successful publishes: the covered version (never moving back), the published next watering only when this
 * event is the newest one (consumers keep the newest by changedAt, so this mirrors what they hold), and the lease is
 * released unless someone stamped the plant again meanwhile (their lease, their release).
 */
export async function confirmPublished(db: PlantsDb | PlantsTx, events: readonly PublishedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.$executeRaw(Prisma.sql`
    UPDATE "UserPlant" u
    SET "publishedVersion" = GREATEST(u."publishedVersion", p.version),
        "publishedNextWateringAt" = CASE WHEN u."publishedAt" IS NULL OR u."publishedAt" < p."changedAt"
                                         THEN p."nextWateringAt" ELSE u."publishedNextWateringAt" END,
        "publishedOtherTasks" = CASE WHEN u."publishedAt" IS NULL OR u."publishedAt" < p."changedAt"
                                     THEN p."otherTasks" ELSE u."publishedOtherTasks" END,
        "publishedAt" = GREATEST(u."publishedAt", p."changedAt"),
        "scheduleLeaseUntil" = CASE WHEN u."scheduleEventAt" = p."changedAt" THEN NULL ELSE u."scheduleLeaseUntil" END
    FROM jsonb_to_recordset(${rows(events)}) AS p(id uuid, version int, "changedAt" timestamp(3), "nextWateringAt" timestamp(3), "otherTasks" jsonb)
    WHERE u.id = p.id`);
}

/** Gives up the leases of events that were not published, so the next reconcile run need not wait for them to expire. */
export async function releaseLeases(db: PlantsDb, events: readonly PublishedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.$executeRaw(Prisma.sql`
    UPDATE "UserPlant" u SET "scheduleLeaseUntil" = NULL
    FROM jsonb_to_recordset(${rows(events)}) AS p(id uuid, "changedAt" timestamp(3))
    WHERE u.id = p.id AND u."scheduleEventAt" = p."changedAt"`);
}

/**
 * The next page (by id, the primary key, so pages cost the same however deep) of plants that may need an event: every
 * active plant (its schedule drifts with the season and the owner's profile), and archived ones only while unpublished
 * or while notifications may still hold a due date; settled archived plants never need another event.
 */
export function publicationCandidates(db: PlantsDb, afterId: string | null, limit: number): Promise<UserPlant[]> {
  return db.$queryRaw<UserPlant[]>(Prisma.sql`
    SELECT * FROM "UserPlant"
    WHERE ("archivedAt" IS NULL OR "scheduleVersion" > "publishedVersion" OR "publishedNextWateringAt" IS NOT NULL)
      ${afterId ? Prisma.sql`AND id > ${afterId}::uuid` : Prisma.empty}
    ORDER BY id
    LIMIT ${limit}`);
}
