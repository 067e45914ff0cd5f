/**
 * Snooze and next-watering date.
 *
 * `snoozeWatering(days)` stores `snoozedUntil` and `snoozedAt` on the plant. Rather than clearing
 * the columns on every watering, a snooze only counts when it was set after the last watering:
 * watering the plant implicitly ends the snooze.
 */
import { MS_PER_DAY, toValidDate } from './dates.js';
import type { SnoozeInput } from './types.js';

/**
 * The snooze end if the snooze is active, else null. Active when `snoozedUntil` is a valid date
 * and it was set after the last watering (or the plant was never watered). A snooze without a
 * valid `snoozedAt` can't be ordered against a watering, so it only counts for never-watered plants.
 */
export function activeSnoozeUntil(snooze: SnoozeInput | null | undefined, lastWateredAt: Date | null): Date | null {
  if (!snooze || typeof snooze !== 'object') return null;
  const until = toValidDate(snooze.snoozedUntil);
  if (!until) return null;
  if (!lastWateredAt) return until;
  const setAt = toValidDate(snooze.snoozedAt);
  return setAt && setAt.getTime() > lastWateredAt.getTime() ? until : null;
}

/**
 * last watering + interval (24 h days), or `now` for a plant never watered (water it to start
 * the schedule); an active snooze can only push the date later: max(computed, snoozedUntil).
 */
export function nextWateringDate(
  lastWateredAt: Date | null,
  intervalDays: number,
  now: Date,
  snoozedUntil: Date | null,
): Date {
  const computed = lastWateredAt
    ? new Date(lastWateredAt.getTime() + intervalDays * MS_PER_DAY)
    : new Date(now.getTime());
  if (snoozedUntil && snoozedUntil.getTime() > computed.getTime()) return new Date(snoozedUntil.getTime());
  return computed;
}
