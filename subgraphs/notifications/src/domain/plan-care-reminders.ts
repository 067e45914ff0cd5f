/**
 * Which care reminders a user should have pending: pure, so every decision (time zone, preferred hour per type,
 * quiet hours, pause, digest, rate limits) is unit-testable with a fixed `now`. One function for every task: an item
 * is a plant and a task, and the task only picks the type settings and the wording. replan-care-reminders.ts diffs
 * this plan against the database.
 *
 * Order matters: digest grouping runs before rate limiting, because a digest is one notification — five tasks due at
 * 09:00 become one digest at 09:00, not three reminders at 09:00 and two at 10:00.
 */
import { CARE_TASKS, type CareTaskName } from '@bloomzy/shared/messaging/topics';
import { resolveTimeZone } from '@bloomzy/shared/time-zone';
import type { NotificationChannel, NotificationType } from '../db/client.js';
import {
  applyRateLimits,
  computeSendTime,
  DEFAULT_RATE_LIMITS,
  groupForDigest,
  reminderText,
  type QuietHours,
  type RateLimits,
} from '../timing/index.js';
import { DEFAULT_PREFERRED_HOUR } from '../timing/send-time.js';
import { careItemKey, REMINDER_TYPE } from './care-tasks.js';

export interface CareDue {
  userPlantId: string;
  nickname: string;
  task: CareTaskName;
  /** The task's next due instant, from the plants service. */
  dueAt: Date;
}

/** A task's reminder settings (from its notification type); a task left out of PlanSettings.tasks is not reminded. */
interface TaskPlanSettings {
  /** Local hour its reminders go out on the due day. */
  preferredHour: number;
  /** The channels to deliver through (non-empty). */
  channels: readonly NotificationChannel[];
}

export interface PlanSettings {
  timeZone: string;
  tasks: Partial<Record<CareTaskName, TaskPlanSettings>>;
  quietHours: QuietHours | null;
  pausedUntil: Date | null;
  digestEnabled: boolean;
  limits?: RateLimits;
}

export interface PlannedReminder {
  /** Sorted "<userPlantId>:<task>" items: the same plants and tasks always give the same key. */
  careItems: string[];
  /** Sorted, distinct. */
  userPlantIds: string[];
  type: NotificationType;
  channels: NotificationChannel[];
  sendAt: Date;
  title: string;
  body: string;
}

const TITLE_MAX = 255;
const CHANNEL_ORDER: readonly NotificationChannel[] = ['IN_APP', 'WEBHOOK'];

/** Identifies a reminder by what it covers: the engine moves the pending row with the same key in place. */
export const reminderKey = (careItems: readonly string[]): string => [...careItems].sort().join(',');

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Every channel some item asked for, in a stable order (known channels first). */
function unionOfChannels(lists: readonly (readonly NotificationChannel[])[]): NotificationChannel[] {
  const all = new Set(lists.flat());
  return [...CHANNEL_ORDER.filter((c) => all.has(c)), ...[...all].filter((c) => !CHANNEL_ORDER.includes(c)).sort()];
}

/**
 * The reminders to have pending for `due` (the plant tasks still needing one), given `otherSendTimes`: the user's
 * notifications that count against the rate limits but are not re-planned here (sent ones, and scheduled ones the
 * engine does not own). Tasks without settings are left out. Every returned sendAt is ≥ now (to the minute), outside
 * quiet hours and after any pause.
 */
export function planCareReminders(
  due: readonly CareDue[],
  settings: PlanSettings,
  otherSendTimes: readonly Date[],
  now: Date,
): PlannedReminder[] {
  const timeZone = resolveTimeZone(settings.timeZone);
  const timed = due.flatMap((item) => {
    const task = settings.tasks[item.task];
    if (!task || task.channels.length === 0) return [];
    const sendAt = computeSendTime(
      {
        dueAt: item.dueAt,
        timeZone,
        preferredHour: task.preferredHour,
        quietHours: settings.quietHours,
        pausedUntil: settings.pausedUntil,
      },
      now,
    );
    return [{ ...item, sendAt, channels: task.channels }];
  });
  const groups = groupForDigest(timed, { digestEnabled: settings.digestEnabled, timeZone });
  const used = [...otherSendTimes];
  return groups.map((group) => {
    const items = group.kind === 'DIGEST' ? group.items : [group.item];
    // The day's budget starts at the earliest preferred hour among the items.
    const dayStartHour = Math.min(...items.map((i) => settings.tasks[i.task]?.preferredHour ?? DEFAULT_PREFERRED_HOUR));
    const sendAt = applyRateLimits(group.sendAt, used, settings.limits ?? DEFAULT_RATE_LIMITS, timeZone, {
      dayStartHour,
      quietHours: settings.quietHours,
    });
    used.push(sendAt);
    const firstTask = CARE_TASKS.find((task) => items.some((i) => i.task === task)) ?? 'WATER';
    const { title, body } = reminderText(items);
    return {
      careItems: items.map((i) => careItemKey(i.userPlantId, i.task)).sort(),
      userPlantIds: [...new Set(items.map((i) => i.userPlantId))].sort(),
      type: REMINDER_TYPE[firstTask],
      channels: unionOfChannels(items.map((i) => i.channels)),
      sendAt,
      title: truncate(title, TITLE_MAX),
      body,
    };
  });
}
