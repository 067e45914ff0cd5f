/** Small defensive helpers shared by the schedule modules. */

export const MS_PER_DAY = 86_400_000;

/** A finite number, or null. Accepts only real numbers (no numeric strings). */
export function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds to 2 decimals so reported factors/intervals don't carry float noise (7.279999…). */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

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

/** Narrows an unknown value to one of the members of a string-literal tuple. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
