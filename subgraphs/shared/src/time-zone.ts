/**
 * Time-zone maths for every subgraph, on Luxon: what the user's clock shows at an instant ({@link localParts},
 * {@link localDate}), which instant a wall-clock time is ({@link zonedTimeToUtc}), and calendar days in a zone
 * ({@link calendarDaysBetween}). Pure: no clock, no I/O.
 *
 * "Due today" and "09:00 on the due day" are calendar notions: a watering due at 23:30 UTC is today for a Londoner but
 * already tomorrow in Tokyo, and a day is 23 or 25 hours long when the clocks change, so callers compare local dates,
 * never 24-hour spans.
 *
 * Unknown zones never throw: profiles may hold stale or mistyped zone names, and a reminder at the right UTC hour beats
 * none, so every function reads an unknown zone as {@link FALLBACK_TIME_ZONE}. Auth rejects them at input
 * ({@link isValidTimeZone}) and stores the canonical spelling ({@link resolveTimeZone}).
 */
import { LRUCache } from 'lru-cache';
import { DateTime, IANAZone } from 'luxon';

const FALLBACK_TIME_ZONE = 'UTC';

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

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Zone name as given (user input, any casing or alias) → its Luxon zone, or false when unknown. Checking a name costs
 * an Intl formatter, and the care schedule asks for every plant on every request, so answers are kept; the cap stops
 * odd spellings from growing the cache without bound.
 */
const zones = new LRUCache<string, IANAZone | false>({ max: 1_000 });

function lookUpZone(timeZone: string): IANAZone | false {
  try {
    // Intl canonicalises the spelling ("europe/berlin" → "Europe/Berlin", "US/Eastern" → "America/New_York"); Luxon
    // keeps a formatter per zone name for ever, so it only ever sees the few hundred canonical names.
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
    return IANAZone.create(canonical);
  } catch {
    return false; // RangeError: unknown time zone
  }
}

function knownZone(timeZone: unknown): IANAZone | undefined {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return undefined;
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = lookUpZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone || undefined;
}

const fallbackZone = IANAZone.create(FALLBACK_TIME_ZONE);

function zoneOrFallback(timeZone: unknown): IANAZone {
  return knownZone(timeZone) ?? fallbackZone;
}

/** True for IANA names and aliases the runtime knows, in any casing ('europe/berlin', 'UTC'); false for anything else. */
export function isValidTimeZone(timeZone: unknown): boolean {
  return knownZone(timeZone) !== undefined;
}

/** The canonical name of a known zone ('europe/berlin' → 'Europe/Berlin'); {@link FALLBACK_TIME_ZONE} otherwise. */
export function resolveTimeZone(timeZone: unknown): string {
  return zoneOrFallback(timeZone).name;
}

/**
 * Wall clocks already read, by zone and instant. Reading one costs a Luxon DateTime (an Intl formatToParts inside,
 * tens of µs), and the care schedule reads the same `now` two or three times for every plant of a request and the same
 * due dates on every request, so a plant list mostly reads from here.
 */
const wallClocks = new LRUCache<string, Readonly<LocalParts>>({ max: 10_000 });

/** `instant` on the clock of `timeZone` (unknown → UTC). Throws RangeError for an invalid Date. */
function wallClock(instant: Date, timeZone: string): Readonly<LocalParts> {
  const zone = zoneOrFallback(timeZone);
  const key = `${zone.name} ${instant.getTime()}`;
  const cached = wallClocks.get(key);
  if (cached) return cached;
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new RangeError(`Cannot read ${String(instant)} in ${timeZone}: invalid Date`);
  const { year, month, day, hour, minute, weekday } = local;
  // Luxon counts weekdays 1 = Monday … 7 = Sunday.
  const parts = Object.freeze({ year, month, day, hour, minute, weekday: weekday % 7 });
  wallClocks.set(key, parts);
  return parts;
}

/** The calendar date of `instant` in `timeZone` (unknown zone → UTC). Throws RangeError for an invalid Date. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** The user's wall clock at `instant` (unknown zone → UTC). Throws RangeError for an invalid Date. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  return { ...wallClock(instant, timeZone) };
}

/** Days since 1970-01-01 of a calendar date: differences are whole calendar days, whatever the clocks did. */
function dayNumber(date: LocalDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

/** Whole calendar days from `from` to `to` as dated in `timeZone` (negative when `to` is on an earlier day). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return dayNumber(localDate(to, timeZone)) - dayNumber(localDate(from, timeZone));
}

/** Calendar arithmetic on a local date (no zone involved: dates, not instants); rolls over months and years. */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The UTC instant at which the clock in `timeZone` (unknown → UTC) shows `wall`.
 *
 * - Out-of-range fields normalise like `Date.UTC` (hour 24 = next day 00:00), which keeps "next hour" / "next day"
 *   arithmetic at call sites trivial.
 * - Ambiguous time (fall-back overlap, e.g. 01:30 on New York's November change): the `disambiguation` occurrence,
 *   by default the earlier one (never send later than asked).
 * - Non-existent time (spring-forward gap, e.g. 02:30 on New York's March change): the first valid instant after the
 *   gap, i.e. the transition itself (03:00 local), whatever `disambiguation` says. Luxon, like Temporal's
 *   'compatible', would move it by the gap's length (03:30); for reminders the earliest sensible moment is better.
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
  const wallMs = Date.UTC(year, month - 1, day, hour, minute); // normalised; Luxon would reject hour 24
  if (Number.isNaN(wallMs)) throw new RangeError(`Wall-clock time out of range ${JSON.stringify(wall)}`);
  const zone = zoneOrFallback(timeZone);
  const asked = new Date(wallMs);
  const local = DateTime.fromObject(
    {
      year: asked.getUTCFullYear(),
      month: asked.getUTCMonth() + 1,
      day: asked.getUTCDate(),
      hour: asked.getUTCHours(),
      minute: asked.getUTCMinutes(),
    },
    { zone },
  );
  if (local.toMillis() + local.offset * MINUTE_MS !== wallMs) {
    // In a gap: Luxon answered the instant `wall − offset before the gap`; the transition lies between that and
    // `wall − offset after the gap`.
    return new Date(firstInstantShowingAtLeast(wallMs, wallMs - local.offset * MINUTE_MS, local.toMillis(), zone));
  }
  const occurrences = local
    .getPossibleOffsets()
    .map((candidate) => candidate.toMillis())
    .sort((a, b) => a - b);
  const chosen = disambiguation === 'later' ? occurrences.at(-1) : occurrences[0];
  return new Date(chosen ?? local.toMillis());
}

/** The first instant of a local calendar day (00:00, or the end of a gap when midnight does not exist that day). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedTimeToUtc({ ...date, hour: 0, minute: 0 }, timeZone);
}

/**
 * Gap case: binary-search the smallest instant in (lo, hi] whose local time is ≥ wallMs. Inside a gap local time is
 * monotonic in the instant, so the predicate flips exactly once.
 */
function firstInstantShowingAtLeast(wallMs: number, lo: number, hi: number, zone: IANAZone): number {
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (mid + zone.offset(mid) * MINUTE_MS >= wallMs) hi = mid;
    else lo = mid;
  }
  return hi;
}
