/**
 * Applies the plants service's care-schedule events. Delivery is at-least-once and may be reordered, so an event is
 * applied only when it is newer (changedAt) than the one the plant's row already reflects; a replay or an older event
 * changes nothing. Applying and re-planning share one transaction.
 */
import type { CareScheduleEvent } from '@bloomzy/shared/messaging/topics';
import { inTransaction } from '../db/client.js';
import { savePlantScheduleIfNewer } from '../db/plant-schedules.js';
import { replanWateringReminders, type ReplanResult } from '../domain/replan-watering-reminders.js';
import type { NotificationsRuntime } from '../runtime.js';

export type ApplyOutcome = { applied: true; replan: ReplanResult } | { applied: false; why: 'stale' };

export async function applyCareScheduleEvent(
  runtime: Pick<NotificationsRuntime, 'db' | 'clock' | 'logger'>,
  event: CareScheduleEvent,
): Promise<ApplyOutcome> {
  const now = runtime.clock.now();
  const changedAt = new Date(event.changedAt);
  const next = event.nextWateringAt === null ? null : new Date(event.nextWateringAt);
  return inTransaction(runtime.db, async (tx) => {
    const owner = await savePlantScheduleIfNewer(tx, {
      userPlantId: event.userPlantId,
      userId: event.userId,
      nickname: event.nickname,
      nextWateringAt: next,
      changedAt,
      lastEventId: event.eventId,
    });
    if (!owner) return { applied: false, why: 'stale' } as const;
    return { applied: true, replan: await replanWateringReminders(tx, owner, now) } as const;
  });
}
