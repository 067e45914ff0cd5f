/**
 * Brings one user's pending care reminders (every task) in line with their plants and settings, inside the caller's
 * transaction (so an event is applied and its reminders re-planned atomically: a crash in between cannot leave the
 * event marked as applied with stale reminders).
 *
 * Invariants kept here:
 * - One pending reminder per plant and task: each PlantSchedule (watering) and PlantTaskSchedule (other tasks) row
 *   points at the reminder covering its current due date.
 * - Only the engine's own, never-claimed SCHEDULED reminders are moved or cancelled; anything the dispatcher has
 *   touched, the user created, or the user cancelled is left alone.
 * - Re-planning is deterministic: with unchanged inputs it changes nothing, so replays and no-op events are harmless.
 */
import { randomUUID } from 'node:crypto';
import { CARE_TASKS } from '@bloomzy/shared/messaging/topics';
import { storedTraceContext } from '@bloomzy/shared/telemetry/propagation';
import type { Notification, Tx } from '../db/client.js';
import { lockPendingReminders } from '../db/notifications.js';
import { lockUserProfile } from '../db/user-profiles.js';
import { careItemKey, isCareTask, REMINDER_TYPE, REMINDER_TYPES } from './care-tasks.js';
import {
  planCareReminders,
  reminderKey,
  type CareDue,
  type PlannedReminder,
  type PlanSettings,
} from './plan-care-reminders.js';
import { recentSendTimes } from './recent-send-times.js';
import { availableChannels, loadUserSettings, typeSettings, type UserSettings } from './user-settings.js';

export interface ReplanResult {
  created: number;
  moved: number;
  cancelled: number;
}

const sameTime = (a: Date, b: Date) => a.getTime() === b.getTime();
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A due task and the reminder its schedule row points at. */
type DueWithPointer = CareDue & { reminderId: string | null };

/** What a pending reminder covers; reminders from before care tasks have no careItems and cover watering. */
const itemsOf = (n: Notification): string[] =>
  n.careItems.length > 0 ? n.careItems : n.userPlantIds.map((id) => careItemKey(id, 'WATER'));

/** Every task of the user's plants that has a due date, with its schedule row's reminder pointer. */
async function dueTasks(tx: Tx, userId: string): Promise<DueWithPointer[]> {
  const [plants, tasks] = await Promise.all([
    tx.plantSchedule.findMany({ where: { userId } }),
    tx.plantTaskSchedule.findMany({ where: { userId } }),
  ]);
  const nickname = new Map(plants.map((p) => [p.userPlantId, p.nickname]));
  const due: DueWithPointer[] = [];
  for (const p of plants) {
    if (p.nextWateringAt === null) continue;
    const { userPlantId, nickname, nextWateringAt: dueAt, reminderId } = p;
    due.push({ userPlantId, nickname, task: 'WATER', dueAt, reminderId });
  }
  for (const t of tasks) {
    const name = nickname.get(t.userPlantId);
    if (name === undefined || !isCareTask(t.task)) continue;
    due.push({ userPlantId: t.userPlantId, nickname: name, task: t.task, dueAt: t.dueAt, reminderId: t.reminderId });
  }
  return due;
}

/** Per task: its type's preferred hour and the channels that can deliver now; tasks whose type is off are left out. */
function taskSettings(settings: UserSettings): PlanSettings['tasks'] {
  const available = availableChannels(settings);
  const out: PlanSettings['tasks'] = {};
  if (!settings.notificationsEnabled) return out;
  for (const task of CARE_TASKS) {
    const type = typeSettings(settings, REMINDER_TYPE[task]);
    const channels = type.channels.filter((c) => available.includes(c));
    if (type.enabled && channels.length > 0) out[task] = { preferredHour: type.preferredHour, channels };
  }
  return out;
}

async function pointAt(tx: Tx, item: DueWithPointer, reminderId: string | null): Promise<void> {
  const { userPlantId, task } = item;
  if (task === 'WATER') await tx.plantSchedule.update({ where: { userPlantId }, data: { reminderId } });
  else await tx.plantTaskSchedule.update({ where: { userPlantId_task: { userPlantId, task } }, data: { reminderId } });
}

export async function replanCareReminders(tx: Tx, userId: string, now: Date): Promise<ReplanResult> {
  await lockUserProfile(tx, userId, now);
  const settings = await loadUserSettings(tx, userId);
  const pending = await lockPendingReminders(tx, userId, REMINDER_TYPES);
  const pendingIds = new Set(pending.map((n) => n.id));
  // A task whose reminder was sent, is being sent or was cancelled by the user is done until its schedule moves.
  const needing = (await dueTasks(tx, userId)).filter((d) => d.reminderId === null || pendingIds.has(d.reminderId));

  const tasks = taskSettings(settings);
  let plan: PlannedReminder[] = [];
  if (needing.some((d) => tasks[d.task] !== undefined)) {
    plan = planCareReminders(
      needing,
      {
        timeZone: settings.timezone,
        tasks,
        quietHours: settings.quietHours,
        pausedUntil: settings.pausedUntil,
        digestEnabled: settings.digestEnabled,
      },
      await recentSendTimes(tx, userId, now, [...pendingIds]),
      now,
    );
  }

  const existing = new Map(pending.map((n) => [reminderKey(itemsOf(n)), n]));
  const result: ReplanResult = { created: 0, moved: 0, cancelled: 0 };
  const pointTo = new Map<string, string | null>(needing.map((d) => [careItemKey(d.userPlantId, d.task), null]));
  for (const planned of plan) {
    const key = reminderKey(planned.careItems);
    const current = existing.get(key);
    existing.delete(key);
    const id = current ? current.id : randomUUID();
    const content = {
      type: planned.type,
      title: planned.title,
      body: planned.body,
      channels: planned.channels,
      pendingChannels: planned.channels,
      scheduledFor: planned.sendAt,
      dispatchAt: planned.sendAt,
      traceContext: storedTraceContext(),
    };
    if (current) {
      const unchanged =
        current.type === planned.type &&
        sameTime(current.scheduledFor, planned.sendAt) &&
        current.title === planned.title &&
        current.body === planned.body &&
        sameList(current.channels, planned.channels) &&
        sameList(current.careItems, planned.careItems);
      if (!unchanged) {
        await tx.notification.update({ where: { id }, data: { ...content, careItems: planned.careItems } });
        result.moved++;
      }
    } else {
      await tx.notification.create({
        data: {
          ...content,
          id,
          userId,
          source: 'ENGINE',
          priority: 5,
          careItems: planned.careItems,
          userPlantId: planned.userPlantIds.length === 1 ? (planned.userPlantIds[0] ?? null) : null,
          userPlantIds: planned.userPlantIds,
          createdAt: now,
        },
      });
      result.created++;
    }
    for (const item of planned.careItems) pointTo.set(item, id);
  }
  // Whatever is left is no longer wanted (plant archived, task off, moved into another group, or reminders off).
  const stale = [...existing.values()].map((n) => n.id);
  if (stale.length > 0) {
    await tx.notification.updateMany({
      where: { id: { in: stale } },
      data: { status: 'CANCELLED', cancelledAt: now, dispatchAt: null, pendingChannels: [] },
    });
    result.cancelled = stale.length;
  }
  for (const item of needing) {
    const target = pointTo.get(careItemKey(item.userPlantId, item.task)) ?? null;
    if (item.reminderId !== target) await pointAt(tx, item, target);
  }
  return result;
}
