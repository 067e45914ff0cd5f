/**
 * The watering schedule of one plant, as a pure function of its data and `now`.
 *
 *   computed = base × season × potSize × potMaterial × soil × light × temperature
 *   adapted  = clamp(userAverage, computed × 0.7, computed × 1.3)   (when ≥ 2 recent intervals)
 *   interval = clamp(round(custom ?? adapted ?? computed), 1, 60)
 *   next     = max(lastWatering + interval, activeSnoozeUntil)      (now when never watered)
 *
 * See FORMULA.md for the tables (generated from factors.ts and season.ts) and the reasoning behind each number.
 */
import { resolveTimeZone } from '@bloomzy/shared/time-zone';
import type { Season } from '../__generated__/resolvers-types.js';
import { lightFactor, potMaterialFactor, potSizeFactor, soilFactor, temperatureFactor } from './factors.js';
import { clamp, finiteOrNull, round2 } from './numbers.js';
import { computeRhythm, lastWatering } from './rhythm.js';
import { resolveHemisphere, seasonAt, seasonFactor } from './season.js';
import { activeSnoozeUntil, nextWateringDate } from './snooze.js';
import { wateringStatus } from './status.js';
import type { ScheduleFactor, WateringSchedule, WateringScheduleInput } from './types.js';

/** Used when the species is unknown or its base interval is missing, zero, negative or NaN. */
const DEFAULT_BASE_INTERVAL_DAYS = 7;
const MIN_INTERVAL_DAYS = 1;
const MAX_INTERVAL_DAYS = 60;

/** Whole days within 1–60: nobody waters twice a day on a schedule, and two months is the longest useful reminder. */
function clampIntervalDays(days: number): number {
  const finite = Number.isFinite(days) ? days : DEFAULT_BASE_INTERVAL_DAYS;
  return clamp(Math.round(finite), MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS);
}

/** The species base interval, or the default when it isn't a positive finite number. */
function resolveBaseInterval(days: unknown): { days: number; isDefault: boolean } {
  const value = finiteOrNull(days);
  return value !== null && value > 0
    ? { days: value, isDefault: false }
    : { days: DEFAULT_BASE_INTERVAL_DAYS, isDefault: true };
}

/** The user's custom interval clamped to 1–60, or null when unset or not a finite number. */
function resolveCustomInterval(days: unknown): number | null {
  const value = finiteOrNull(days);
  return value === null ? null : clampIntervalDays(value);
}

/** All factors in a stable order (season first), neutral ones included so the UI can explain them. */
function scheduleFactors(input: WateringScheduleInput, season: Season): ScheduleFactor[] {
  return [
    seasonFactor(season, resolveHemisphere(input.hemisphere)),
    potSizeFactor(input.potSize),
    potMaterialFactor(input.potMaterial),
    soilFactor(input.soil),
    lightFactor(input.light),
    temperatureFactor(input.roomTemperatureC),
  ];
}

/**
 * Computes interval, next watering and status. Never throws on plant data (missing species,
 * garbage dates, unknown enums, invalid time zone all degrade to defaults); only an invalid
 * `now` — a programming error — throws.
 */
export function computeWateringSchedule(input: WateringScheduleInput, now: Date): WateringSchedule {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError('computeWateringSchedule: `now` must be a valid Date');
  }
  const data: WateringScheduleInput = input !== null && typeof input === 'object' ? input : {};
  const timeZone = resolveTimeZone(data.timeZone);
  const season = seasonAt(now, resolveHemisphere(data.hemisphere), timeZone);

  const base = resolveBaseInterval(data.speciesBaseIntervalDays);
  const factors = scheduleFactors(data, season);
  const computedIntervalDays = round2(factors.reduce((product, f) => product * f.factor, base.days));

  const rhythm = computeRhythm(data.waterings, computedIntervalDays, now);
  const custom = resolveCustomInterval(data.customIntervalDays);
  const intervalDays = custom ?? clampIntervalDays(rhythm?.adaptedIntervalDays ?? computedIntervalDays);

  const lastWateredAt = lastWatering(data.waterings, now);
  const snoozedUntil = activeSnoozeUntil(data.snooze, lastWateredAt);
  const nextWateringAt = nextWateringDate(lastWateredAt, intervalDays, now, snoozedUntil);

  return {
    source: custom === null ? 'COMPUTED' : 'CUSTOM',
    baseIntervalDays: base.days,
    baseIntervalIsDefault: base.isDefault,
    season,
    factors,
    computedIntervalDays,
    rhythm,
    intervalDays,
    lastWateredAt,
    nextWateringAt,
    snoozeActive: snoozedUntil !== null,
    snoozedUntil,
    status: wateringStatus(nextWateringAt, now, timeZone),
  };
}
