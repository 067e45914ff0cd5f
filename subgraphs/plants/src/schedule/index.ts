/** Public API of the watering schedule maths (pure functions, no I/O). */
export * from './types.js';
export { resolveTimeZone } from '@bloomzy/shared/time-zone';
export {
  DEFAULT_HEMISPHERE,
  SEASON_FACTORS,
  resolveHemisphere,
  seasonAt,
  seasonFactor,
  seasonForMonth,
} from './season.js';
export {
  LIGHT_FACTORS,
  POT_MATERIAL_FACTORS,
  POT_SIZE_FACTORS,
  SOIL_FACTORS,
  TEMPERATURE_BANDS,
  lightFactor,
  potMaterialFactor,
  potSizeFactor,
  soilFactor,
  temperatureFactor,
} from './factors.js';
export {
  RHYTHM_RULES,
  adaptToRhythm,
  computeRhythm,
  lastWatering,
  recentIntervals,
  usableWaterings,
} from './rhythm.js';
export { activeSnoozeUntil, nextWateringDate } from './snooze.js';
export { SOON_WITHIN_DAYS, urgencyFor, wateringStatus } from './status.js';
export {
  DEFAULT_BASE_INTERVAL_DAYS,
  MAX_INTERVAL_DAYS,
  MIN_INTERVAL_DAYS,
  clampIntervalDays,
  computeWateringSchedule,
  resolveBaseInterval,
  resolveCustomInterval,
  scheduleFactors,
} from './schedule.js';
