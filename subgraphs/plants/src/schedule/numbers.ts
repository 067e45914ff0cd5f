/** Number helpers of the schedule maths: garbage in plant data becomes null, reported numbers carry no float noise. */

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
