/** When seasons start in a user's calendar: the first instant of a season's first month, in their time zone. */
import { localDate, resolveTimeZone, startOfLocalDay } from '@bloomzy/shared/time-zone';
import type { Season } from '../__generated__/resolvers-types.js';
import { resolveHemisphere, seasonForMonth } from '../schedule/season.js';
import type { Hemisphere } from '../schedule/types.js';

/** A local (year, month) shifted by `months`. */
function shiftMonth(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The start (local midnight of the 1st) of the season `now` is in, and that season. */
export function currentSeasonStart(
  now: Date,
  hemisphere: Hemisphere | null | undefined,
  timeZone: string | null | undefined,
): { season: Season; startedAt: Date; year: number } {
  const zone = resolveTimeZone(timeZone);
  const hem = resolveHemisphere(hemisphere);
  const today = localDate(now, zone);
  const season = seasonForMonth(today.month, hem);
  let start = { year: today.year, month: today.month };
  // Seasons are three months long: at most two steps back reach the first month.
  for (let i = 0; i < 2; i++) {
    const previous = shiftMonth(start.year, start.month, -1);
    if (seasonForMonth(previous.month, hem) !== season) break;
    start = previous;
  }
  return { season, startedAt: startOfLocalDay({ ...start, day: 1 }, zone), year: start.year };
}

/** The first instant after `now` at which `season` starts, in the user's calendar. */
export function nextSeasonStart(
  now: Date,
  season: Season,
  hemisphere: Hemisphere | null | undefined,
  timeZone: string | null | undefined,
): Date {
  const zone = resolveTimeZone(timeZone);
  const hem = resolveHemisphere(hemisphere);
  const today = localDate(now, zone);
  for (let step = 1; step <= 12; step++) {
    const month = shiftMonth(today.year, today.month, step);
    const before = shiftMonth(today.year, today.month, step - 1);
    if (seasonForMonth(month.month, hem) === season && seasonForMonth(before.month, hem) !== season) {
      return startOfLocalDay({ ...month, day: 1 }, zone);
    }
  }
  // Unreachable: every season starts once in any twelve months.
  return now;
}
