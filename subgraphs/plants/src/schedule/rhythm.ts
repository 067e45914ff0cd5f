/**
 * The user's own watering rhythm.
 *
 * People learn their plant: if someone keeps watering every 9 days where we compute 7, their
 * spot is probably cooler or darker than we know. We nudge the interval toward what they actually
 * do, but only within ±30 % so one odd fortnight (holiday, forgotten plant) can't wreck the plan.
 */
import { MS_PER_DAY, toValidDate } from './dates.js';
import { clamp } from './numbers.js';
import type { WateringRhythm } from './types.js';

export const RHYTHM_RULES = {
  /** Only the most recent intervals describe the current rhythm. */
  maxIntervals: 5,
  /** One interval is an anecdote; two make a rhythm. */
  minIntervals: 2,
  /** Waterings closer than this to the previous kept one are double-logging, not a new watering. */
  minGapDays: 0.5,
  /** The adapted interval stays within computed × (1 ± boundRatio). */
  boundRatio: 0.3,
} as const;

/**
 * Waterings we can trust: valid dates, not in the future, ascending, with same-day duplicates
 * collapsed onto the first watering of the cluster (a watering within 0.5 day of the previous
 * kept one is dropped), so logging twice doesn't create a 0-day interval.
 */
export function usableWaterings(waterings: readonly unknown[] | null | undefined, now: Date): Date[] {
  if (!Array.isArray(waterings)) return [];
  const nowMs = now.getTime();
  const sorted = waterings
    .map(toValidDate)
    .filter((d): d is Date => d !== null && d.getTime() <= nowMs)
    .sort((a, b) => a.getTime() - b.getTime());
  const kept: Date[] = [];
  for (const watering of sorted) {
    const previous = kept.at(-1);
    if (!previous || watering.getTime() - previous.getTime() >= RHYTHM_RULES.minGapDays * MS_PER_DAY) {
      kept.push(watering);
    }
  }
  return kept;
}

/** The latest valid watering not after `now` (duplicates included: the latest log wins). */
export function lastWatering(waterings: readonly unknown[] | null | undefined, now: Date): Date | null {
  if (!Array.isArray(waterings)) return null;
  let latest: Date | null = null;
  for (const value of waterings) {
    const date = toValidDate(value);
    if (date && date.getTime() <= now.getTime() && (!latest || date.getTime() > latest.getTime())) latest = date;
  }
  return latest;
}

/** Intervals in days between consecutive usable waterings, most recent last (at most 5). */
export function recentIntervals(waterings: readonly unknown[] | null | undefined, now: Date): number[] {
  const kept = usableWaterings(waterings, now);
  const intervals: number[] = [];
  for (let i = 1; i < kept.length; i++) {
    const previous = kept[i - 1];
    const current = kept[i];
    if (previous && current) intervals.push((current.getTime() - previous.getTime()) / MS_PER_DAY);
  }
  return intervals.slice(-RHYTHM_RULES.maxIntervals);
}

/** Moves the computed interval to the observed average, bounded to ±30 % of the computed value. */
export function adaptToRhythm(
  computedIntervalDays: number,
  averageIntervalDays: number,
): { adaptedIntervalDays: number; bounded: boolean } {
  const low = computedIntervalDays * (1 - RHYTHM_RULES.boundRatio);
  const high = computedIntervalDays * (1 + RHYTHM_RULES.boundRatio);
  const adaptedIntervalDays = clamp(averageIntervalDays, low, high);
  return { adaptedIntervalDays, bounded: adaptedIntervalDays !== averageIntervalDays };
}

/** The observed rhythm and its bounded effect, or null with fewer than 2 usable intervals. */
export function computeRhythm(
  waterings: readonly unknown[] | null | undefined,
  computedIntervalDays: number,
  now: Date,
): WateringRhythm | null {
  const intervals = recentIntervals(waterings, now);
  if (intervals.length < RHYTHM_RULES.minIntervals) return null;
  const averageIntervalDays = intervals.reduce((sum, days) => sum + days, 0) / intervals.length;
  return {
    averageIntervalDays,
    intervalsUsed: intervals.length,
    ...adaptToRhythm(computedIntervalDays, averageIntervalDays),
  };
}
