/**
 * Which watering reminders a user should have pending: pure, so every decision (time zone, preferred hour, quiet
 * hours, pause, digest, rate limits) is unit-testable with a fixed `now`. replan-watering-reminders.ts diffs this plan
 * against the database.
 *
 * Order matters: digest grouping runs before rate limiting, because a digest is one notification — five plants due at
 * 09:00 become one digest at 09:00, not three reminders at 09:00 and two at 10:00.
 */
import { resolveTimeZone } from '@bloomzy/shared/time-zone';
import {
  applyRateLimits,
  computeSendTime,
  DEFAULT_RATE_LIMITS,
  digestBody,
  digestTitle,
  groupForDigest,
  type QuietHours,
  type RateLimits,
} from '../timing/index.js';

export interface PlantDue {
  userPlantId: string;
  nickname: string;
  /** The plant's next watering instant, from the plants service. */
  dueAt: Date;
}

export interface PlanSettings {
  timeZone: string;
  /** Local hour reminders go out on the due day. */
  preferredHour: number;
  quietHours: QuietHours | null;
  pausedUntil: Date | null;
  digestEnabled: boolean;
  limits?: RateLimits;
}

export interface PlannedReminder {
  /** Sorted, so the same plants always give the same key. */
  userPlantIds: string[];
  sendAt: Date;
  title: string;
  body: string;
}

const TITLE_MAX = 255;

/** Identifies a reminder by the plants it covers: the engine moves the pending row with the same key in place. */
export const reminderKey = (userPlantIds: readonly string[]): string => [...userPlantIds].sort().join(',');

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The reminders to have pending for `plants` (the plants still needing one), given `otherSendTimes`: the user's
 * notifications that count against the rate limits but are not re-planned here (sent ones, and scheduled ones the
 * engine does not own). Every returned sendAt is ≥ now (to the minute), outside quiet hours and after any pause.
 */
export function planWateringReminders(
  plants: readonly PlantDue[],
  settings: PlanSettings,
  otherSendTimes: readonly Date[],
  now: Date,
): PlannedReminder[] {
  const timeZone = resolveTimeZone(settings.timeZone);
  const timed = plants.map((plant) => ({
    userPlantId: plant.userPlantId,
    nickname: plant.nickname,
    sendAt: computeSendTime(
      {
        dueAt: plant.dueAt,
        timeZone,
        preferredHour: settings.preferredHour,
        quietHours: settings.quietHours,
        pausedUntil: settings.pausedUntil,
      },
      now,
    ),
  }));
  const groups = groupForDigest(timed, { digestEnabled: settings.digestEnabled, timeZone });
  const used = [...otherSendTimes];
  return groups.map((group) => {
    const items = group.kind === 'DIGEST' ? group.items : [group.item];
    const sendAt = applyRateLimits(group.sendAt, used, settings.limits ?? DEFAULT_RATE_LIMITS, timeZone, {
      dayStartHour: settings.preferredHour,
      quietHours: settings.quietHours,
    });
    used.push(sendAt);
    const [only] = items;
    const body =
      items.length === 1 && only
        ? `It's watering day for ${only.nickname.trim() || 'your plant'}. Mark it watered in Bloomzy once it has had a drink.`
        : `${digestBody(items)} are due for watering.`;
    return {
      userPlantIds: items.map((i) => i.userPlantId).sort(),
      sendAt,
      title: truncate(digestTitle(items), TITLE_MAX),
      body,
    };
  });
}
