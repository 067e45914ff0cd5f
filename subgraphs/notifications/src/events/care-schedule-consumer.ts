/**
 * Applies the plants service's care-schedule events. Delivery is at-least-once and may be reordered, so an event is
 * applied only when it is newer (changedAt) than the one the plant's row already reflects; a replay or an older event
 * changes nothing. Applying and re-planning share one transaction.
 *
 * Other care tasks: `otherTasks` lists every enabled task besides watering, so it replaces the plant's other tasks
 * (a task left out is off). An event without it comes from before care tasks and leaves them as they are, unless it
 * archives the plant (nextWateringAt null, which then meant archived): an archived plant keeps no reminder of any task.
 */
import type { CareScheduleEvent } from '@bloomzy/shared/messaging/topics';
import { inTransaction } from '../db/client.js';
import { replacePlantTaskSchedules, savePlantScheduleIfNewer, type TaskDue } from '../db/plant-schedules.js';
import { replanCareReminders, type ReplanResult } from '../domain/replan-care-reminders.js';
import type { NotificationsRuntime } from '../runtime.js';

export type ApplyOutcome = { applied: true; replan: ReplanResult } | { applied: false; why: 'stale' };

/** The plant's other tasks after `event`: a list to replace them with, null for none, undefined to leave them. */
function otherTasksAfter(event: CareScheduleEvent): readonly TaskDue[] | null | undefined {
  const archived = event.reason === 'ARCHIVED' || (event.otherTasks === undefined && event.nextWateringAt === null);
  if (archived) return null;
  if (event.otherTasks === undefined) return undefined;
  return event.otherTasks
    .filter((t) => t.task !== 'WATER') // watering is nextWateringAt's
    .map((t) => ({ task: t.task, dueAt: new Date(t.dueAt) }));
}

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
      nextWateringAt: event.reason === 'ARCHIVED' ? null : next,
      changedAt,
      lastEventId: event.eventId,
    });
    if (!owner) return { applied: false, why: 'stale' } as const;
    const others = otherTasksAfter(event);
    if (others !== undefined) {
      await replacePlantTaskSchedules(tx, { userPlantId: event.userPlantId, userId: owner }, others);
    }
    return { applied: true, replan: await replanCareReminders(tx, owner, now) } as const;
  });
}
