/**
 * Types of the watering schedule. The enums are not written here: stored ones (pot, soil, light) are the Prisma
 * schema's, computed ones (season, urgency, source, factor name) the GraphQL schema's, each generated into code, so the
 * schedule, the database and the API cannot disagree on a value (src/db/enums.test.ts checks the two schemas agree).
 */
import type { UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import type {
  Season,
  WateringFactorName,
  WateringIntervalSource,
  WateringUrgency,
} from '../__generated__/resolvers-types.js';
import type { LightExposure, PotMaterial, PotSize, SoilType } from '../db/client.js';

/** The owner's hemisphere: auth owns it and sends it in profile events; plants stores it as text. */
export type Hemisphere = UserProfileEvent['hemisphere'];

/** One multiplier applied to the species base interval, with a human-readable reason. */
export interface ScheduleFactor {
  name: WateringFactorName;
  /** > 1 stretches the interval (water less often), < 1 shortens it. 1 = neutral/unknown. */
  factor: number;
  reason: string;
}

/** A snooze as stored on the plant: set by `snoozeWatering(days)`, implicitly cleared by the next watering. */
export interface SnoozeInput {
  snoozedUntil: Date | null;
  snoozedAt: Date | null;
}

/**
 * Everything the schedule needs about one plant. All fields are optional/nullable because real
 * rows are incomplete; anything missing or invalid falls back to a neutral value.
 */
export interface WateringScheduleInput {
  /** Species base interval in days (spring, standard conditions). Missing/invalid → 7. */
  speciesBaseIntervalDays?: number | null;
  /** User override on the plant; wins over everything (clamped to 1–60). */
  customIntervalDays?: number | null;
  potSize?: PotSize | null;
  potMaterial?: PotMaterial | null;
  soil?: SoilType | null;
  light?: LightExposure | null;
  /** Average room temperature at the plant's spot, °C. */
  roomTemperatureC?: number | null;
  hemisphere?: Hemisphere | null;
  /** IANA time zone of the user, e.g. 'Europe/Paris'. Missing/invalid → 'UTC'. */
  timeZone?: string | null;
  /** Recent watering timestamps, any order; future, invalid and same-day duplicates are ignored. */
  waterings?: readonly Date[] | null;
  snooze?: SnoozeInput | null;
}

/** The user's observed rhythm, when there is enough history to trust it. */
export interface WateringRhythm {
  /** Mean of the most recent (up to 5) intervals between waterings, in days (unrounded). */
  averageIntervalDays: number;
  /** How many intervals the average is based on (2–5). */
  intervalsUsed: number;
  /** The average bounded to ±30 % of the computed interval (before rounding). */
  adaptedIntervalDays: number;
  /** True when the ±30 % bound cut the observed average. */
  bounded: boolean;
}

export interface WateringStatus {
  /** Same instant as `nextWateringAt`. */
  dueDate: Date;
  /** Calendar days from today to the due date in the user's time zone; negative when overdue. */
  daysUntilDue: number;
  urgency: WateringUrgency;
  /** The time zone actually used (after falling back to 'UTC' for invalid input). */
  timeZone: string;
}

export interface WateringSchedule {
  source: WateringIntervalSource;
  /** Species base interval actually used (7 when the species had none). */
  baseIntervalDays: number;
  /** True when `baseIntervalDays` is the fallback default rather than species data. */
  baseIntervalIsDefault: boolean;
  season: Season;
  /** All environmental factors, in a stable order, neutral ones included (factor 1). */
  factors: ScheduleFactor[];
  /** base × factors, rounded to 2 decimals, before the user's rhythm is taken into account. */
  computedIntervalDays: number;
  /** Null when fewer than 2 usable intervals exist. Reported even for CUSTOM (not applied then). */
  rhythm: WateringRhythm | null;
  /** The interval in whole days actually used for the next watering (1–60). */
  intervalDays: number;
  lastWateredAt: Date | null;
  nextWateringAt: Date;
  snoozeActive: boolean;
  /** The snooze end when the snooze is active, otherwise null. */
  snoozedUntil: Date | null;
  status: WateringStatus;
}
