/**
 * Input checks shared by the plants mutations. Each failure is a BAD_USER_INPUT naming the offending field (a dotted
 * path such as `input.amountMl`), so clients can put the message next to the right form control.
 */
import { badInput } from '@bloomzy/shared/errors';
import { optionalText } from '@bloomzy/shared/validation';

export { isUuid } from '@bloomzy/shared/ids';
export { optionalText };

/** A time this little ahead of the server clock is client clock skew, taken as "now" rather than refused. */
const CLOCK_SKEW_TOLERANCE_MS = 60_000;

/** Required text, trimmed, `min`–`max` characters. */
export function requiredText(value: string, min: number, max: number, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw badInput(field, min <= 1 ? `Must be 1–${max} characters` : `Must be ${min}–${max} characters`);
  }
  return trimmed;
}

/** Refuses an explicit null for a field that cannot be cleared; undefined (omitted) passes through. */
export function notNull<T>(value: T | null | undefined, field: string): T | undefined {
  if (value === null) throw badInput(field, 'Cannot be null');
  return value;
}

/** An integer within [min, max]. */
export function intInRange(value: number, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(field, `Must be a whole number from ${min} to ${max}`);
  return value;
}

/** A finite number within [min, max]. */
export function numberInRange(value: number, min: number, max: number, field: string): number {
  if (!Number.isFinite(value) || value < min || value > max) throw badInput(field, `Must be between ${min} and ${max}`);
  return value;
}

/** Optional variants: undefined stays undefined (unchanged), null stays null (cleared). */
export const optionalInt = (value: number | null | undefined, min: number, max: number, field: string) =>
  value == null ? value : intInRange(value, min, max, field);
export const optionalNumber = (value: number | null | undefined, min: number, max: number, field: string) =>
  value == null ? value : numberInRange(value, min, max, field);

const MAX_URL_LENGTH = 2048;

/** An absolute http(s) URL (photos are shown in apps, so javascript:, data: and relative URLs are refused). */
export function optionalHttpUrl(value: string | null | undefined, field: string): string | null | undefined {
  const text = optionalText(value, MAX_URL_LENGTH, field);
  if (text == null) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(field, 'Must be an http or https URL');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw badInput(field, 'Must be an http or https URL');
  }
  return url.toString();
}

/**
 * A past moment: defaults to `now`; up to a minute ahead is clamped to `now` (clock skew), later is refused — the
 * schedule ignores future waterings, so storing one would silently change nothing.
 */
export function pastOrNow(value: Date | null | undefined, now: Date, field: string): Date {
  if (value == null) return now;
  if (Number.isNaN(value.getTime())) throw badInput(field, 'Invalid date');
  if (value.getTime() > now.getTime() + CLOCK_SKEW_TOLERANCE_MS) throw badInput(field, 'Cannot be in the future');
  if (value.getTime() > now.getTime()) return now;
  return value;
}

/** Like pastOrNow, but undefined (omitted) stays undefined and null stays null. */
export function optionalPast(value: Date | null | undefined, now: Date, field: string): Date | null | undefined {
  return value == null ? value : pastOrNow(value, now, field);
}
