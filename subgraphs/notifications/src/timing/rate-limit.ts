/**
 * Per-user notification rate limits, so a user with thirty plants on the same schedule does not
 * get thirty pings at 09:00.
 *
 * Semantics (fixed windows in the user's local time, not rolling windows — they are what users
 * perceive as "this hour" / "today", and they make the outcome easy to explain and to test):
 * - Hour window: the local clock hour containing the instant, [HH:00, HH:00 + 1 h). In a
 *   fall-back overlap each occurrence of the repeated hour is its own window.
 * - Day window: the local calendar day, [00:00, next 00:00) — 23 or 25 h long on DST days.
 * - Every instant in `alreadyScheduledOrSent` that falls in a window counts against it, whether
 *   it is before or after the candidate. The caller must leave out the reminder being
 *   (re)scheduled, or it would count against itself.
 * - Full hour → start of the next local hour. Full day → `dayStartHour`:00 on the next local day.
 *   Either move is followed by the shared quiet-hours check, and the windows are re-checked.
 */
import { addLocalDays, localParts, startOfLocalDay, zonedTimeToUtc } from '@bloomzy/shared/time-zone';
import { moveOutOfQuietHours, type QuietHours } from './quiet-hours.js';
import { assertHourOfDay, DEFAULT_PREFERRED_HOUR } from './send-time.js';

export interface RateLimits {
  /** Max notifications per local clock hour. */
  perHour: number;
  /** Max notifications per local calendar day. */
  perDay: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perHour: 3, perDay: 15 };

export interface RateLimitOptions {
  /** Local hour a reminder moves to when its day is full. Default {@link DEFAULT_PREFERRED_HOUR}. */
  dayStartHour?: number;
  /** Re-checked after every move, with the same helper computeSendTime uses. */
  quietHours?: QuietHours | null;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

function assertPositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be an integer ≥ 1, got ${value}`);
}

/** Start of the local clock hour containing `t` (zones are whole-minute offsets, so drop minutes). */
function localHourStart(t: number, timeZone: string): number {
  const { minute } = localParts(new Date(t), timeZone);
  return Math.floor(t / MINUTE_MS) * MINUTE_MS - minute * MINUTE_MS;
}

function countInWindow(sorted: readonly number[], from: number, to: number): number {
  let count = 0;
  for (const t of sorted) {
    if (t >= to) break;
    if (t >= from) count++;
  }
  return count;
}

/**
 * The earliest instant ≥ `candidate` whose local hour and local day both have room, and which is
 * outside quiet hours. `limits` may be partial; missing fields use {@link DEFAULT_RATE_LIMITS}.
 *
 * `timeZone` is required even though it follows a defaulted parameter (pass `undefined` for
 * default limits): silently bucketing by UTC days would be a bug, not a default.
 *
 * Terminates: every iteration either returns or skips strictly forward past a full window;
 * windows are visited in order without overlap and each full one holds ≥ 1 existing instant,
 * so there are at most 2 × existing.length + 1 iterations. The explicit bound is a safety net
 * against pathological zone data; hitting it throws rather than returning an unchecked time.
 */
export function applyRateLimits(
  candidate: Date,
  alreadyScheduledOrSent: readonly Date[],
  limits: Partial<RateLimits> = DEFAULT_RATE_LIMITS,
  timeZone: string,
  options: RateLimitOptions = {},
): Date {
  const perHour = limits.perHour ?? DEFAULT_RATE_LIMITS.perHour;
  const perDay = limits.perDay ?? DEFAULT_RATE_LIMITS.perDay;
  const dayStartHour = options.dayStartHour ?? DEFAULT_PREFERRED_HOUR;
  const quietHours = options.quietHours ?? null;
  assertPositiveInteger(perHour, 'limits.perHour');
  assertPositiveInteger(perDay, 'limits.perDay');
  assertHourOfDay(dayStartHour, 'dayStartHour');
  if (Number.isNaN(candidate.getTime())) throw new RangeError('candidate must be a valid Date');

  const existing = alreadyScheduledOrSent
    .map((d) => d.getTime())
    .filter((t) => !Number.isNaN(t))
    .sort((a, b) => a - b);
  const maxIterations = 4 * existing.length + 8;

  let t = candidate.getTime();
  for (let i = 0; i < maxIterations; i++) {
    t = moveOutOfQuietHours(new Date(t), quietHours, timeZone).getTime();
    const local = localParts(new Date(t), timeZone);

    const dayStart = startOfLocalDay(local, timeZone).getTime();
    const nextDay = addLocalDays(local, 1);
    const nextDayStart = startOfLocalDay(nextDay, timeZone).getTime();
    if (countInWindow(existing, dayStart, nextDayStart) >= perDay) {
      t = zonedTimeToUtc({ ...nextDay, hour: dayStartHour, minute: 0 }, timeZone).getTime();
      continue;
    }

    const hourStart = localHourStart(t, timeZone);
    if (countInWindow(existing, hourStart, hourStart + HOUR_MS) >= perHour) {
      t = hourStart + HOUR_MS;
      continue;
    }
    return new Date(t);
  }
  throw new Error(`applyRateLimits: no free slot after ${maxIterations} steps from ${candidate.toISOString()}`);
}
