/**
 * Applies the plants service's care-schedule events. Delivery is at-least-once and may be reordered, so an event is
 * applied only when it is newer (changedAt) than the one the plant's row already reflects; a replay or an older event
 * changes nothing. Applying and re-planning share one transaction.
 *
 * Other care tasks: `otherTasks` lists every enabled task besides watering, so it replaces the plant's other tasks
 * (a task left out is off). An event without it comes from before care tasks and leaves them as they are, unless it
 * archives the plant (nextWateringAt null, which then meant archived): an archived plant keeps no reminder of any task.
 *
 * Events that arrive together are applied per user in one transaction with one re-plan at its end
 * (applyCareScheduleEvents). Re-planning reads all of a user's plants and tasks, so one re-plan per event made a
 * user stocking 50 plants (each added, then watered) cost thousands of statements, and two instances taking events of
 * the same user queued on that user's lock.
 */
import type { CareScheduleEvent } from '@bloomzy/shared/messaging/topics';
import { inTransaction, type Tx } from '../db/client.js';
import { replacePlantTaskSchedules, savePlantScheduleIfNewer, type TaskDue } from '../db/plant-schedules.js';
import { replanCareReminders } from '../domain/replan-care-reminders.js';
import type { NotificationsRuntime } from '../runtime.js';

/** The plant's other tasks after `event`: a list to replace them with, null for none, undefined to leave them. */
function otherTasksAfter(event: CareScheduleEvent): readonly TaskDue[] | null | undefined {
  const archived = event.reason === 'ARCHIVED' || (event.otherTasks === undefined && event.nextWateringAt === null);
  if (archived) return null;
  if (event.otherTasks === undefined) return undefined;
  return event.otherTasks
    .filter((t) => t.task !== 'WATER') // watering is nextWateringAt's
    .map((t) => ({ task: t.task, dueAt: new Date(t.dueAt) }));
}

type Runtime = Pick<NotificationsRuntime, 'db' | 'clock' | 'logger'>;

/** Applies one event's schedule change; its owner when it was newer than what the plant's row reflects, else null. */
async function saveChange(tx: Tx, event: CareScheduleEvent): Promise<string | null> {
  const next = event.nextWateringAt === null ? null : new Date(event.nextWateringAt);
  const owner = await savePlantScheduleIfNewer(tx, {
    userPlantId: event.userPlantId,
    userId: event.userId,
    nickname: event.nickname,
    nextWateringAt: event.reason === 'ARCHIVED' ? null : next,
    changedAt: new Date(event.changedAt),
    lastEventId: event.eventId,
  });
  if (!owner) return null;
  const others = otherTasksAfter(event);
  if (others !== undefined) {
    await replacePlantTaskSchedules(tx, { userPlantId: event.userPlantId, userId: owner }, others);
  }
  return owner;
}

/** One event on its own: a batch of one (tests apply events one at a time with it). */
export const applyCareScheduleEvent = (runtime: Runtime, event: CareScheduleEvent): Promise<void> =>
  applyCareScheduleEvents(runtime, [event]);

/**
 * Applies events that arrived together (in their order): each user's in one transaction, re-planned once after the
 * last of them. Same outcome as applying them one by one; a failure leaves that user's events unapplied (the bus
 * delivers the batch again, and events already applied are then stale and change nothing).
 */
export async function applyCareScheduleEvents(runtime: Runtime, events: readonly CareScheduleEvent[]): Promise<void> {
  const byUser = new Map<string, CareScheduleEvent[]>();
  for (const event of events) {
    const own = byUser.get(event.userId);
    if (own) own.push(event);
    else byUser.set(event.userId, [event]);
  }
  for (const own of byUser.values()) {
    const now = runtime.clock.now();
    await inTransaction(runtime.db, async (tx) => {
      const owners = new Set<string>();
      for (const event of own) {
        const owner = await saveChange(tx, event);
        if (owner) owners.add(owner);
      }
      for (const owner of owners) await replanCareReminders(tx, owner, now);
    });
  }
}
