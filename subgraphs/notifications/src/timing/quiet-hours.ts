/**
 * Quiet hours: a daily local-time range in which nothing is sent.
 *
 * One helper shared by send-time computation and rate limiting, so "is this inside quiet hours"
 * has exactly one definition. The range is half-open, [start, end): a reminder may go out at
 * exactly `end`, never at exactly `start`. `start > end` crosses midnight (22:00–07:00);
 * `start === end` means no quiet hours at all (not "quiet all day", which would starve reminders).
 */
import { addLocalDays, localParts, zonedTimeToUtc } from '@bloomzy/shared/time-zone';

/** As stored in user preferences: 24-hour local times, e.g. `{ start: '22:00', end: '07:00' }`. */
export interface QuietHours {
  start: string;
  end: string;
}

/** Minutes since local midnight. */
interface QuietRange {
  start: number;
  end: number;
}

const CLOCK_TIME = /^(\d{1,2}):(\d{2})$/;

/**
 * 'HH:MM' (or 'H:MM') → minutes since midnight. Throws RangeError on anything else: silently
 * ignoring a malformed preference could wake someone at 3 a.m., so fail loudly and let the
 * caller (ideally the preferences mutation) reject it.
 */
export function parseClockTime(value: string): number {
  const match = CLOCK_TIME.exec(value);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    throw new RangeError(`Invalid clock time "${value}", expected HH:MM between 00:00 and 23:59`);
  }
  return hours * 60 + minutes;
}

/** Throws like {@link parseClockTime}; null when there is effectively no quiet range. */
function parseQuietHours(quiet: QuietHours | null | undefined): QuietRange | null {
  if (!quiet) return null;
  const range = { start: parseClockTime(quiet.start), end: parseClockTime(quiet.end) };
  return range.start === range.end ? null : range;
}

function containsMinute(range: QuietRange, minuteOfDay: number): boolean {
  return range.start < range.end
    ? minuteOfDay >= range.start && minuteOfDay < range.end
    : minuteOfDay >= range.start || minuteOfDay < range.end; // crosses midnight
}

/** Whether the user's local clock at `instant` is inside the quiet range. */
export function isInQuietHours(instant: Date, quiet: QuietHours | null | undefined, timeZone: string): boolean {
  const range = parseQuietHours(quiet);
  if (!range) return false;
  const local = localParts(instant, timeZone);
  return containsMinute(range, local.hour * 60 + local.minute);
}

/**
 * `instant` itself when outside quiet hours, otherwise the end of the quiet range it is in
 * (same local day, or the next one when the range crosses midnight and we are before it).
 *
 * DST: an end inside a spring-forward gap becomes the first valid instant after it; in a
 * fall-back overlap the earlier occurrence of `end` is used unless that would move backwards
 * (we are already in the repeated hour), in which case the later occurrence is used.
 * The result is never earlier than `instant`.
 */
export function moveOutOfQuietHours(instant: Date, quiet: QuietHours | null | undefined, timeZone: string): Date {
  const range = parseQuietHours(quiet);
  if (!range) return instant;
  const local = localParts(instant, timeZone);
  const minuteOfDay = local.hour * 60 + local.minute;
  if (!containsMinute(range, minuteOfDay)) return instant;

  const endsNextDay = range.start > range.end && minuteOfDay >= range.start;
  const endDate = endsNextDay ? addLocalDays(local, 1) : local;
  const wall = { ...endDate, hour: Math.floor(range.end / 60), minute: range.end % 60 };
  let end = zonedTimeToUtc(wall, timeZone, 'earlier');
  if (end.getTime() <= instant.getTime()) end = zonedTimeToUtc(wall, timeZone, 'later');
  return end.getTime() > instant.getTime() ? end : instant;
}
