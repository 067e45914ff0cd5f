/**
 * Calendar-day arithmetic in the user's time zone, using only Intl (no date library).
 *
 * "Due today" is a calendar notion: a watering due at 23:30 UTC is today for a Londoner but
 * already tomorrow in Tokyo, so we compare local dates, not 24-hour spans.
 */
import { MS_PER_DAY } from './dates.js';

export const DEFAULT_TIME_ZONE = 'UTC';

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatter for a zone, cached: constructing Intl formatters is expensive and lists call this per plant. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  try {
    const formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return null; // RangeError: unknown time zone
  }
}

/** The zone to use: the given IANA name when Intl knows it, otherwise UTC. */
export function resolveTimeZone(timeZone: unknown): string {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return DEFAULT_TIME_ZONE;
  return formatterFor(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
}

/** The calendar date of an instant as seen in `timeZone` (invalid zone → UTC). */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const formatter = formatterFor(resolveTimeZone(timeZone)) ?? formatterFor(DEFAULT_TIME_ZONE);
  const parts = formatter?.formatToParts(instant) ?? [];
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const result = { year: part('year'), month: part('month'), day: part('day') };
  if ([result.year, result.month, result.day].every(Number.isFinite)) return result;
  // Should not happen with a Gregorian formatter; stay total anyway.
  return { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
}

/** Days since 1970-01-01 for a calendar date: differences give whole calendar days, DST-proof. */
export function dayNumber(date: LocalDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

/** Whole calendar days from `from` to `to` in `timeZone` (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return dayNumber(localDate(to, timeZone)) - dayNumber(localDate(from, timeZone));
}
