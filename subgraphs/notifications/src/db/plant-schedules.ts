/** Writes of PlantSchedule: the reminder engine's copy of each plant's next watering, from care-schedule events. */
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
