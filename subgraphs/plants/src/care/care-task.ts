/**
 * The schedule of one care task other than watering, as a pure function of the plant's data and `now`:
 *
 *   interval = clamp(round(override ?? species × season × pot), 1, 1500) days
 *   due      = (last time done ?? acquired/added) + interval
 *   FERTILIZE in winter, for species that rest: due = max(due, start of spring)   (paused)
 *
 * See CARE-FORMULA.md for the tables and the sources. Garbage never throws: a missing or invalid species value
 * means the task is not planned (unless the owner set an interval), an invalid date is ignored, an invalid time zone
 * is UTC and an unknown hemisphere NORTHERN.
 */
import { resolveTimeZone } from '@bloomzy/shared/time-zone';
import type { CareIntervalSource, Season, WateringUrgency } from '../__generated__/resolvers-types.js';
import type { PotSize } from '../db/client.js';
import { MS_PER_DAY, toValidDate } from '../schedule/dates.js';
import { clamp, finiteOrNull, round2 } from '../schedule/numbers.js';
import { resolveHemisphere, seasonAt } from '../schedule/season.js';
import { wateringStatus } from '../schedule/status.js';
import type { Hemisphere } from '../schedule/types.js';
import { type CareFactor, careRules, type OtherCareTask, type SpeciesCareDefaults } from './care-rules.js';
import { nextSeasonStart } from './season-start.js';

const MIN_INTERVAL_DAYS = 1;
/** About four years: the longest repotting interval a large, slow plant gets. */
const MAX_INTERVAL_DAYS = 1500;

interface CareOverrideInput {
  intervalDays?: number | null;
  enabled?: boolean | null;
}

export interface CareTaskInput {
  task: OtherCareTask;
  species?: SpeciesCareDefaults | null;
  potSize?: PotSize | null;
  override?: CareOverrideInput | null;
  /** The latest time the task was done (the care log). */
  lastDoneAt?: Date | null;
  /** When the plant was acquired (or added): the start of the first interval when the task was never done. */
  since?: Date | null;
  hemisphere?: Hemisphere | null;
  timeZone?: string | null;
}

export interface CareTaskSchedule {
  task: OtherCareTask;
  lastDoneAt: Date | null;
  intervalDays: number;
  source: CareIntervalSource;
  dueDate: Date;
  daysUntilDue: number;
  urgency: WateringUrgency;
  timeZone: string;
  season: Season;
  /** Fertilizing waits for spring: the due date is the end of the rest. */
  paused: boolean;
  factors: CareFactor[];
}

const positiveOrNull = (value: unknown): number | null => {
  const n = finiteOrNull(value);
  return n !== null && n > 0 ? n : null;
};

/**
 * The task's schedule at `now`, or null when it is not planned: turned off by the owner, or no species default and no
 * owner interval.
 */
export function computeCareTask(input: CareTaskInput, now: Date): CareTaskSchedule | null {
  if (input.override?.enabled === false) return null;
  const hemisphere = resolveHemisphere(input.hemisphere);
  const timeZone = resolveTimeZone(input.timeZone);
  const season = seasonAt(now, hemisphere, timeZone);
  const rule = careRules[input.task];
  const custom = positiveOrNull(input.override?.intervalDays);
  const computed = rule.interval(input.species ?? {}, { season, hemisphere, potSize: input.potSize ?? null });
  if (custom === null && computed === null) return null;
  const factors: CareFactor[] =
    custom !== null
      ? [{ name: 'OVERRIDE', factor: 1, reason: `Your own interval: every ${Math.round(custom)} days` }]
      : (computed?.factors ?? []);
  const rawDays = custom ?? computed?.days ?? MIN_INTERVAL_DAYS;
  const intervalDays = clamp(Math.round(rawDays), MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS);
  const lastDoneAt = toValidDate(input.lastDoneAt);
  const usableLast = lastDoneAt && lastDoneAt.getTime() <= now.getTime() ? lastDoneAt : null;
  // Never "now" when the data allows otherwise: a due date that moved with every run would be republished every run.
  const from = usableLast ?? toValidDate(input.since) ?? now;
  let dueDate = new Date(from.getTime() + intervalDays * MS_PER_DAY);
  const rest = rule.rest?.(input.species ?? {}, season) ?? null;
  let paused = false;
  if (rest) {
    const spring = nextSeasonStart(now, 'SPRING', hemisphere, timeZone);
    if (spring.getTime() > dueDate.getTime()) dueDate = spring;
    paused = true;
    if (!factors.some((f) => f.name === 'SEASON')) factors.push({ name: 'SEASON', factor: 1, reason: rest });
  }
  const status = wateringStatus(dueDate, now, timeZone);
  return {
    task: input.task,
    lastDoneAt: usableLast,
    intervalDays,
    source: custom !== null ? 'CUSTOM' : 'COMPUTED',
    dueDate,
    daysUntilDue: status.daysUntilDue,
    urgency: status.urgency,
    timeZone,
    season,
    paused,
    factors: factors.map((f) => ({ ...f, factor: round2(f.factor) })),
  };
}
