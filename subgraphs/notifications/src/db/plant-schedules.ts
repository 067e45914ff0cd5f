/**
 * Writes of PlantSchedule and PlantTaskSchedule: the reminder engine's copy of each plant's care schedule, from
 * care-schedule events.
 */
import type { PlantSchedule, Tx } from './client.js';

/**
 * Stores a plant's schedule unless its row already reflects a newer (or this very) change: the conditional upsert is
 * the idempotency check of care-schedule events. Returns the plant's owner when written, null for a stale or replayed
 * event. A moved due date needs a new reminder, so the pointer to the old one is dropped (re-planning then moves or
 * replaces it).
 */
export async function savePlantScheduleIfNewer(
  tx: Tx,
  schedule: Omit<PlantSchedule, 'reminderId'>,
): Promise<string | null> {
  const { userPlantId, userId, nickname, nextWateringAt, changedAt, lastEventId } = schedule;
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    INSERT INTO "PlantSchedule" ("userPlantId", "userId", "nickname", "nextWateringAt", "changedAt", "lastEventId")
    VALUES (${userPlantId}::uuid, ${userId}::uuid, ${nickname}, ${nextWateringAt}, ${changedAt}, ${lastEventId})
    ON CONFLICT ("userPlantId") DO UPDATE SET
      "nickname" = EXCLUDED."nickname",
      "nextWateringAt" = EXCLUDED."nextWateringAt",
      "changedAt" = EXCLUDED."changedAt",
      "lastEventId" = EXCLUDED."lastEventId",
      "reminderId" = CASE WHEN "PlantSchedule"."nextWateringAt" IS NOT DISTINCT FROM EXCLUDED."nextWateringAt"
                          THEN "PlantSchedule"."reminderId" ELSE NULL END
    WHERE "PlantSchedule"."changedAt" < EXCLUDED."changedAt"
    RETURNING "userId"::text AS "userId"`;
  return rows[0]?.userId ?? null;
}

/** One enabled care task of a plant (not WATER) and its next due time, from a care-schedule event's otherTasks. */
export interface TaskDue {
  task: string;
  dueAt: Date;
}

/**
 * Replaces a plant's other care tasks with `tasks` (null: the plant is archived, so none): a task missing from the
 * list is off and its row goes (re-planning then cancels its pending reminder); a task whose due time moved loses
 * the pointer to its old reminder, as savePlantScheduleIfNewer does for watering. Call only after that function
 * accepted the event, inside the same transaction.
 */
export async function replacePlantTaskSchedules(
  tx: Tx,
  plant: { userPlantId: string; userId: string },
  tasks: readonly TaskDue[] | null,
): Promise<void> {
  const { userPlantId, userId } = plant;
  // The last entry wins if a task is listed twice.
  const wanted = new Map((tasks ?? []).map((t) => [t.task, t.dueAt]));
  await tx.plantTaskSchedule.deleteMany({ where: { userPlantId, task: { notIn: [...wanted.keys()] } } });
  for (const [task, dueAt] of wanted) {
    await tx.$executeRaw`
      INSERT INTO "PlantTaskSchedule" ("userPlantId", "task", "userId", "dueAt")
      VALUES (${userPlantId}::uuid, ${task}, ${userId}::uuid, ${dueAt})
      ON CONFLICT ("userPlantId", "task") DO UPDATE SET
        "userId" = EXCLUDED."userId",
        "dueAt" = EXCLUDED."dueAt",
        "reminderId" = CASE WHEN "PlantTaskSchedule"."dueAt" = EXCLUDED."dueAt"
                            THEN "PlantTaskSchedule"."reminderId" ELSE NULL END`;
  }
}
