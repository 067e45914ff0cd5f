/**
 * Care-schedule events for the notifications subgraph: every change to a plant's next watering is published on
 * CARE_SCHEDULE_STREAM, AFTER the write has committed, so a consumer never hears of a state that was rolled back.
 */
import { randomUUID } from 'node:crypto';
import { CARE_SCHEDULE_STREAM, type CareScheduleEvent } from '@bloomzy/shared/messaging/topics';
import type { UserPlant } from '../../../../prisma/plants/generated/client.js';
import { Prisma } from '../db.js';
import { createLoaders } from '../loaders.js';
import type { PlantsDeps } from './deps.js';

export type CareReason = CareScheduleEvent['reason'];

/**
 * Consumers keep the newest event per plant (by changedAt), so changedAt must strictly increase per plant even when two
 * changes share a millisecond. One statement stamps every plant with max(now, previous + 1 ms) — the row lock orders
 * concurrent publishers — and returns the rows, read after the stamp: the highest stamp always carries the newest state.
 */
async function stampPlants(deps: PlantsDeps, ids: readonly string[]): Promise<UserPlant[]> {
  const now = deps.clock.now().toISOString();
  return deps.db.$queryRaw<UserPlant[]>(Prisma.sql`
    UPDATE "UserPlant"
    SET "scheduleEventAt" = GREATEST(${now}::timestamp(3), "scheduleEventAt" + interval '1 millisecond')
    WHERE id = ANY(${[...ids]}::uuid[])
    RETURNING *`);
}

/**
 * Recomputes the schedules of `userPlantIds` from the committed state (fresh loaders: batched, nothing cached from
 * before the write) and publishes one event per plant; archived plants get `nextWateringAt: null`.
 *
 * A failed publish is logged, not thrown: the user's change is committed and retrying the mutation would log the
 * watering twice. (A transactional outbox would make delivery survive a bus outage; not built yet.)
 */
export async function publishCareSchedule(deps: PlantsDeps, userPlantIds: readonly string[], reason: CareReason): Promise<void> {
  if (userPlantIds.length === 0) return;
  try {
    const plants = await stampPlants(deps, [...new Set(userPlantIds)]);
    const loaders = createLoaders(deps.db, deps.clock);
    const events = await Promise.all(
      plants.map(async (plant): Promise<CareScheduleEvent> => ({
        eventId: randomUUID(),
        userId: plant.userId,
        userPlantId: plant.id,
        nickname: plant.nickname,
        nextWateringAt: plant.archivedAt ? null : (await loaders.schedule.load(plant)).nextWateringAt.toISOString(),
        reason,
        changedAt: (plant.scheduleEventAt ?? deps.clock.now()).toISOString(),
      })),
    );
    for (const event of events) await deps.events.publish(CARE_SCHEDULE_STREAM, event);
  } catch (error) {
    deps.logger.error('publishing care-schedule events failed', { error, userPlantIds, reason });
  }
}
