/**
 * Which notification type reminds of which care task. Each task has its own type, so the per-type preferences
 * (on/off, channels, preferred hour) are the per-task reminder settings, and `notifications(filter: { type })` finds
 * a task's reminders. A digest covering several tasks carries the type of its first task in CARE_TASKS order (watering
 * first) and the union of its tasks' channels.
 */
import { CARE_TASKS, type CareTaskName } from '@bloomzy/shared/messaging/topics';
import type { Notification, NotificationType } from '../db/client.js';

export const REMINDER_TYPE: Readonly<Record<CareTaskName, NotificationType>> = {
  WATER: 'WATERING_REMINDER',
  FERTILIZE: 'FERTILIZING_REMINDER',
  REPOT: 'REPOTTING_REMINDER',
  MIST: 'MISTING_REMINDER',
  PRUNE: 'PRUNING_REMINDER',
  ROTATE: 'ROTATING_REMINDER',
  CLEAN_LEAVES: 'LEAF_CLEANING_REMINDER',
};

/** Every type the reminder engine plans (and so may move or cancel while pending). */
export const REMINDER_TYPES: readonly NotificationType[] = CARE_TASKS.map((task) => REMINDER_TYPE[task]);

const TASKS = new Set<string>(CARE_TASKS);
export const isCareTask = (value: string): value is CareTaskName => TASKS.has(value);

/** The identity of one plant's reminder for one task, as stored in Notification.careItems. */
export const careItemKey = (userPlantId: string, task: CareTaskName): string => `${userPlantId}:${task}`;

/**
 * The types a notification stands for when choosing its email and web push: every task's type for a care reminder
 * (a digest covers several; see careItems), its own type otherwise (care tips, system messages, and reminders written
 * before care tasks, which have no careItems and cover watering). Its own type comes first; the rest in CARE_TASKS
 * order.
 */
export function coveredTypes(n: Pick<Notification, 'type' | 'careItems'>): NotificationType[] {
  const tasks = new Set(n.careItems.map((item) => item.slice(item.lastIndexOf(':') + 1)));
  const fromItems = CARE_TASKS.filter((task) => tasks.has(task)).map((task) => REMINDER_TYPE[task]);
  return [...new Set([n.type, ...fromItems])];
}
