/**
 * Care-schedule events for the notifications subgraph, published on CARE_SCHEDULE_STREAM after the change has
 * committed (a consumer never hears of a state that was rolled back), at least once, through the shared outbox
 * (@bloomzy/shared/messaging/outbox) like every event a subgraph publishes:
 *
 * 1. The write that changes what a plant's event says also bumps its scheduleVersion (SCHEDULE_VERSION_BUMP), in the same
 *    statement or transaction. From the commit on, the change is recorded as unpublished.
 * 2. The writer then stamps the plant (taking a lease), recomputes its schedule from the committed state, and in one
 *    transaction writes the events to the outbox and confirms them: publishedVersion catches up and the lease is
 *    released. The outbox relay publishes them, retrying while the bus (Redis) is down.
 * 3. If step 2 fails or never happens (database error, crash after the commit), the plant stays ahead of its
 *    publishedVersion and the schedule reconciler writes its event on its next run.
 *
 * Events are derived from the current state rather than written with the change itself, so a late event is as good as
 * the lost one, the reconciler can also publish schedules that drift with the season, and consumers keep the newest
 * per plant by changedAt.
 */
import { randomUUID } from 'node:crypto';
import { CARE_SCHEDULE_STREAM, type CareScheduleEvent } from '@bloomzy/shared/messaging/topics';
import type { UserPlant } from '../db/client.js';
import { confirmPublished, releaseLeases, stampForPublish, type PublishedEvent } from '../db/schedule-publication.js';
import { readOtherTasks } from '../domain/care-schedules.js';
import { readNextWaterings } from '../domain/plant-schedules.js';
import type { PlantsRuntime } from '../runtime.js';

export type CareReason = CareScheduleEvent['reason'];

/**
 * How long a stamped plant is left to its publisher before a reconciler may take it over. Longer than any sane publish
 * of a batch (a duplicate event is the price of a too-short lease) and shorter than the reconcile interval's default,
 * so a plant whose publisher crashed is picked up by the next run but one at the latest.
 */
export const PUBLISH_LEASE_MS = 30_000;

export interface PublishOutcome {
  published: number;
  failed: number;
}

/**
 * Writes one event per stamped plant to the outbox: schedules are recomputed from the database (batched, and read after
 * the stamp, so nothing older than the stamp is published under it), with every other enabled care task's next due
 * time in `otherTasks`; archived plants get `nextWateringAt: null` and no other tasks.
 *
 * The events and their confirmation are one transaction: if it fails, every plant keeps its unpublished version and has
 * its lease released for the reconciler. The outbox relay is woken once it committed.
 */
export async function publishStamped(
  runtime: PlantsRuntime,
  plants: readonly UserPlant[],
  reason: CareReason,
): Promise<PublishOutcome> {
  if (plants.length === 0) return { published: 0, failed: 0 };
  const now = runtime.clock.now();
  const [next, others] = await Promise.all([
    readNextWaterings(runtime.db, plants, now),
    readOtherTasks(runtime.db, plants, now),
  ]);
  const events = plants.map((plant, i) => {
    const nextWateringAt = next[i] ?? null;
    // Stamped rows always have scheduleEventAt; the fallback only keeps the type honest.
    const changedAt = plant.scheduleEventAt ?? runtime.clock.now();
    const otherTasks = others[i] ?? [];
    const published: PublishedEvent = {
      id: plant.id,
      version: plant.scheduleVersion,
      changedAt,
      nextWateringAt,
      otherTasks,
    };
    const event: CareScheduleEvent = {
      eventId: randomUUID(),
      userId: plant.userId,
      userPlantId: plant.id,
      nickname: plant.nickname,
      nextWateringAt: nextWateringAt?.toISOString() ?? null,
      otherTasks,
      reason,
      changedAt: changedAt.toISOString(),
    };
    return { published, event };
  });
  const outcomes = events.map((e) => e.published);
  try {
    await runtime.db.$transaction(async (tx) => {
      await runtime.outbox.enqueue(
        tx,
        CARE_SCHEDULE_STREAM,
        events.map(({ event }) => ({ aggregateId: event.userPlantId, event })),
      );
      await confirmPublished(tx, outcomes);
    });
  } catch (error) {
    runtime.logger.warn('writing care-schedule events failed; the schedule reconciler will write them', {
      error,
      userPlantIds: events.map((e) => e.event.userPlantId),
      reason,
    });
    await releaseLeases(runtime.db, outcomes);
    return { published: 0, failed: events.length };
  }
  runtime.outbox.wake();
  return { published: events.length, failed: 0 };
}

/**
 * Publishes the changes just committed to `userPlantIds` (each write having bumped their version with
 * SCHEDULE_VERSION_BUMP).
 *
 * Never throws: the user's change is committed, and retrying the mutation would, say, log the watering twice. Whatever
 * fails here is left unpublished in the database and the reconciler publishes it later.
 */
export async function publishCareSchedule(
  runtime: PlantsRuntime,
  userPlantIds: readonly string[],
  reason: CareReason,
): Promise<void> {
  if (userPlantIds.length === 0) return;
  try {
    const now = runtime.clock.now();
    const plants = await stampForPublish(
      runtime.db,
      [...new Set(userPlantIds)],
      now,
      new Date(now.getTime() + PUBLISH_LEASE_MS),
    );
    await publishStamped(runtime, plants, reason);
  } catch (error) {
    runtime.logger.error('publishing care-schedule events failed; the schedule reconciler will publish them', {
      error,
      userPlantIds,
      reason,
    });
  }
}
