/** Date helpers of the schedule maths. */

export const MS_PER_DAY = 86_400_000;

/**
 * A valid Date or null. Rows from the database are Dates, but JSON and tests can hand us
 * strings, epoch numbers, `Invalid Date` or plain garbage — none of which may throw.
 */
export function toValidDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string' || typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
