/** Input normalisation shared by the subgraphs; failures name the input field (BAD_USER_INPUT). */
import { badInput } from './errors.js';

/** Optional free text: trimmed, empty → null, longer than `max` → BAD_USER_INPUT; undefined (omitted) stays undefined. */
export function optionalText(value: string | null | undefined, max: number, field: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(field, `Must be at most ${max} characters`);
  return trimmed || null;
}
