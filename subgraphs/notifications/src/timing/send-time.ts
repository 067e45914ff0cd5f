/**
 * When to send a plant's pending watering reminder.
 *
 * The plants service tells us the instant a plant is next due (`nextWateringAt`); users think in
 * days ("water Monty on Tuesday"), not instants, so the reminder goes out on the due *local day*
 * at the user's preferred hour, then gets pushed forward — never backward — by "now", quiet hours
 * and pauses. Rate limits and digests are separate steps (rateLimit.ts, digest.ts) because they
 * depend on the user's other reminders, which this function deliberately knows nothing about.
 */
import { localParts, zonedTimeToUtc } from '@bloomzy/shared/time-zone';
import { moveOutOfQuietHours, type QuietHours } from './quiet-hours.js';

/** Per notification type; 09:00 local is a reasonable "morning chores" default. */
export const DEFAULT_PREFERRED_HOUR = 9;

const MINUTE_MS = 60_000;

/** Next whole minute at or after `instant` (send times are minute-aligned). */
export function ceilToMinute(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / MINUTE_MS) * MINUTE_MS);
}

export interface SendTimeInput {
  /** The plant's next watering instant, as received from the plants service. */
  dueAt: Date;
  /** IANA zone of the user; invalid/unknown zones are treated as UTC. */
  timeZone: string;
  /** Local hour 0–23 to send at on the due day. Defaults to {@link DEFAULT_PREFERRED_HOUR}. */
  preferredHour?: number;
  /** Daily local quiet range; null/undefined or start === end means none. */
  quietHours?: QuietHours | null;
  /** User paused notifications until this instant (exclusive); null/undefined means not paused. */
  pausedUntil?: Date | null;
}

function assertValidDate(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
}

/** Throws RangeError unless `hour` is an integer 0–23; shared with the rate limiter. */
export function assertHourOfDay(hour: number, name: string): void {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`${name} must be an integer 0–23, got ${hour}`);
  }
}

/**
 * The UTC instant to send the reminder, computed in this order:
 *
 * 1. Local calendar date of `dueAt` in the user's zone, at `preferredHour`:00 local (a
 *    non-existent hour on a spring-forward day becomes the first valid instant after the gap).
 * 2. If that is before `now` (overdue, or due earlier today): `now`, rounded up to the whole
 *    minute so send times stay minute-aligned for rate-limit and digest bucketing.
 * 3. Inside quiet hours → end of the quiet range (local).
 * 4. Paused (`pausedUntil > candidate`) → `pausedUntil` (rounded up to the minute), then quiet
 *    hours again, since the pause may end at 02:00. No loop needed: moving out of quiet hours
 *    only goes forward, so it cannot re-enter the pause.
 *
 * The result is always ≥ `now` (to the minute) and outside quiet hours.
 */
export function computeSendTime(input: SendTimeInput, now: Date): Date {
  const { dueAt, timeZone, quietHours = null, pausedUntil = null } = input;
  const preferredHour = input.preferredHour ?? DEFAULT_PREFERRED_HOUR;
  assertValidDate(dueAt, 'dueAt');
  assertValidDate(now, 'now');
  if (pausedUntil !== null) assertValidDate(pausedUntil, 'pausedUntil');
  assertHourOfDay(preferredHour, 'preferredHour');

  const dueDay = localParts(dueAt, timeZone);
  let candidate = zonedTimeToUtc(
    { year: dueDay.year, month: dueDay.month, day: dueDay.day, hour: preferredHour, minute: 0 },
    timeZone,
  );
  if (candidate.getTime() < now.getTime()) candidate = ceilToMinute(now);

  candidate = moveOutOfQuietHours(candidate, quietHours, timeZone);

  if (pausedUntil !== null && pausedUntil.getTime() > candidate.getTime()) {
    candidate = moveOutOfQuietHours(ceilToMinute(pausedUntil), quietHours, timeZone);
  }
  return candidate;
}
