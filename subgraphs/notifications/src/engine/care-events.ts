/**
 * Applies the plants service's care-schedule events. Delivery is at-least-once and may be reordered, so an event is
 * applied only when it is newer (changedAt) than the one the plant's row already reflects; a replay or an older event
 * changes nothing. Applying and re-planning share one transaction.
 */
import type { CareScheduleEvent } from '@bloomzy/shared/messaging/topics';
import type { NotificationsDb } from '../db/client.js';
import { inTransaction } from '../db/client.js';
import type { NotificationsDeps } from '../domain/deps.js';
import { replanUser, type ReplanResult } from './replan.js';

export type ApplyOutcome = { applied: true; replan: ReplanResult } | { applied: false; why: 'stale' };

export async function applyCareScheduleEvent(
  deps: Pick<NotificationsDeps, 'clock' | 'logger'> & { db: NotificationsDb },
  event: CareScheduleEvent,
): Promise<ApplyOutcome> {
  const now = deps.clock.now();
  const changedAt = new Date(event.changedAt);
  const next = event.nextWateringAt === null ? null : new Date(event.nextWateringAt);
  return inTransaction(deps.db, async (tx) => {
    // The conditional upsert is the idempotency check: it writes (and returns a row) only for a newer event.
    // A moved due date needs a new reminder, so the pointer to the old one is dropped (the re-plan moves or replaces it).
    const rows = await tx.$queryRaw<{ userId: string }[]>`
      INSERT INTO "PlantSchedule" ("userPlantId", "userId", "nickname", "nextWateringAt", "changedAt", "lastEventId")
      VALUES (${event.userPlantId}::uuid, ${event.userId}::uuid, ${event.nickname}, ${next}, ${changedAt}, ${event.eventId})
      ON CONFLICT ("userPlantId") DO UPDATE SET
        "nickname" = EXCLUDED."nickname",
        "nextWateringAt" = EXCLUDED."nextWateringAt",
        "changedAt" = EXCLUDED."changedAt",
        "lastEventId" = EXCLUDED."lastEventId",
        "reminderId" = CASE WHEN "PlantSchedule"."nextWateringAt" IS NOT DISTINCT FROM EXCLUDED."nextWateringAt"
                            THEN "PlantSchedule"."reminderId" ELSE NULL END
      WHERE "PlantSchedule"."changedAt" < EXCLUDED."changedAt"
      RETURNING "userId"::text AS "userId"`;
    const owner = rows[0]?.userId;
    if (!owner) return { applied: false, why: 'stale' } as const;
    return { applied: true, replan: await replanUser(tx, owner, now) } as const;
  });
}
