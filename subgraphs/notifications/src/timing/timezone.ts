/**
 * Dependency-free IANA time-zone maths on top of `Intl.DateTimeFormat` (Node 20 ships full ICU).
 *
 * Reminder timing needs only two operations — "what does the user's clock show at this instant"
 * ({@link localParts}) and "which instant is this wall-clock time" ({@link zonedTimeToUtc}) — so
 * a timezone library would be dead weight. Everything here is pure: no clock, no I/O.
 *
 * Unknown zones never throw: user profiles may hold stale or mistyped zone names, and a reminder
 * sent at the right UTC-hour beats no reminder, so they resolve to `'UTC'` ({@link resolveTimeZone}).
 */

/** A calendar date in some zone; `month` is 1–12 (not JS's 0–11). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time in some zone, minute precision. */
export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
}

/** What the user's clock shows. `weekday` follows `Date#getDay`: 0 = Sunday … 6 = Saturday. */
export interface LocalParts extends LocalDateTime {
  weekday: number;
}

/** Which instant to pick when a wall-clock time occurs twice (DST fall-back). */
export type Disambiguation = 'earlier' | 'later';

export const FALLBACK_TIME_ZONE = 'UTC';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Zone spellings are user input; cap the cache so odd casings cannot grow it without bound. */
const MAX_CACHED_FORMATTERS = 1_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one, so keep one per (valid) zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23', // 'hour12: false' can print midnight as "24"
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined; // RangeError: invalid time zone
  }
  if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}

/** True when `Intl` knows the zone (IANA names, case-insensitive, plus aliases such as 'UTC'). */
export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && timeZone.length > 0 && formatterFor(timeZone) !== undefined;
}

/** The zone itself when valid, otherwise {@link FALLBACK_TIME_ZONE}. */
export function resolveTimeZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
}

interface WallFields extends LocalDateTime {
  second: number;
}

function wallFields(epochMs: number, timeZone: string): WallFields {
  const formatter = formatterFor(timeZone) ?? formatterFor(FALLBACK_TIME_ZONE);
  if (!formatter) throw new Error('Intl cannot format UTC; is ICU missing?');
  // Throws RangeError for an invalid Date, which is what callers should see.
  const parts = formatter.formatToParts(new Date(epochMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = Number(parts.find((p) => p.type === type)?.value);
    if (!Number.isFinite(value)) throw new RangeError(`Cannot read ${type} of ${epochMs} in ${timeZone}`);
    return value;
  };
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour') % 24,
    minute: field('minute'),
    second: field('second'),
  };
}

/** UTC offset (local minus UTC, in ms) in force at `epochMs`. */
function offsetMs(epochMs: number, timeZone: string): number {
  const w = wallFields(epochMs, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The user's wall clock at `instant`. An invalid zone reads as UTC. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const { year, month, day, hour, minute } = wallFields(instant.getTime(), resolveTimeZone(timeZone));
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, weekday };
}

/** Calendar arithmetic on a local date (no zone involved: dates, not instants). */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The UTC instant at which the clock in `timeZone` shows `wall`.
 *
 * - Out-of-range fields normalise like `Date.UTC` (hour 24 = next day 00:00), which keeps
 *   "next hour" / "next day" arithmetic at call sites trivial.
 * - Ambiguous time (fall-back overlap, e.g. 01:30 on New York's November change): the
 *   `disambiguation` occurrence, default the earlier one (never send later than asked).
 * - Non-existent time (spring-forward gap, e.g. 02:30 on New York's March change): the first
 *   valid instant after the gap, i.e. the transition itself (03:00 local), regardless of
 *   `disambiguation`. Temporal's 'compatible' would give 03:30; for reminders the earliest
 *   sensible moment is the better answer.
 */
export function zonedTimeToUtc(
  wall: LocalDateTime,
  timeZone: string,
  disambiguation: Disambiguation = 'earlier',
): Date {
  const { year, month, day, hour, minute } = wall;
  if (![year, month, day, hour, minute].every(Number.isFinite)) {
    throw new RangeError(`Invalid wall-clock time ${JSON.stringify(wall)}`);
  }
  const tz = resolveTimeZone(timeZone);
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  // The true instant is within ±14 h of wallMs; zones change offset at most once in a couple
  // of days, so offsets a day either side bracket every offset that can apply.
  const before = offsetMs(wallMs - DAY_MS, tz);
  const after = offsetMs(wallMs + DAY_MS, tz);
  const candidates = [...new Set([before, offsetMs(wallMs, tz), after])]
    .map((offset) => wallMs - offset)
    .filter((t) => offsetMs(t, tz) === wallMs - t)
    .sort((a, b) => a - b);
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  if (first !== undefined && last !== undefined) return new Date(disambiguation === 'later' ? last : first);
  return new Date(firstInstantShowingAtLeast(wallMs, wallMs - after, wallMs - before, tz));
}

/**
 * Gap case: binary-search the smallest instant in (lo, hi] whose local time is ≥ wallMs.
 * Inside a gap local time is monotonic in the instant, so the predicate flips exactly once.
 */
function firstInstantShowingAtLeast(wallMs: number, lo: number, hi: number, tz: string): number {
  if (!(hi > lo)) return lo; // not a gap after all; defensive, unreachable for real zone data
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (mid + offsetMs(mid, tz) >= wallMs) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Next whole minute at or after `instant` (send times are minute-aligned). */
export function ceilToMinute(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / MINUTE_MS) * MINUTE_MS);
}
