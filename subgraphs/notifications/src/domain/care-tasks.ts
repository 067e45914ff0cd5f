/**
 * Which notification type reminds of which care task. Each task has its own type, so the per-type preferences
 * (on/off, channels, preferred hour) are the per-task reminder settings, and `notifications(filter: { type })` finds
 * a task's reminders. A digest covering several tasks carries the type of its first task in CARE_TASKS order (watering
 * first) and the union of its tasks' channels.
 */
import { CARE_TASKS, type CareTaskName } from '@bloomzy/shared/messaging/topics';
import type { NotificationType } from '../db/client.js';

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
