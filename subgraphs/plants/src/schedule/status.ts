/**
 * Due-date status in the user's calendar: how many days until the next watering, and how urgent.
 */
import { calendarDaysBetween, resolveTimeZone } from '@bloomzy/shared/time-zone';
import type { WateringUrgency } from '../__generated__/resolvers-types.js';
import type { WateringStatus } from './types.js';

/** A watering due within this many calendar days (but not today) is SOON. */
const SOON_WITHIN_DAYS = 2;

/** OVERDUE before today, DUE_TODAY today, SOON within 2 days, OK beyond. */
export function urgencyFor(daysUntilDue: number): WateringUrgency {
  if (daysUntilDue < 0) return 'OVERDUE';
  if (daysUntilDue === 0) return 'DUE_TODAY';
  if (daysUntilDue <= SOON_WITHIN_DAYS) return 'SOON';
  return 'OK';
}

/**
 * Status of a due date seen from `now`. Days are counted on local calendar dates in `timeZone`
 * (invalid/missing → UTC), so "due at 23:30 UTC" is today in London but tomorrow in Tokyo.
 */
export function wateringStatus(dueDate: Date, now: Date, timeZone?: string | null): WateringStatus {
  const zone = resolveTimeZone(timeZone);
  const daysUntilDue = calendarDaysBetween(now, dueDate, zone);
  return { dueDate, daysUntilDue, urgency: urgencyFor(daysUntilDue), timeZone: zone };
}
