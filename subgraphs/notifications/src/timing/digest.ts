/**
 * Digest grouping: one "3 plants need water today" (or "Water Monty, fertilize Fern") push instead of three pings
 * in an hour.
 *
 * Input is one user's pending reminders (already timed by computeSendTime/applyRateLimits).
 * Grouping is greedy and anchored: the earliest ungrouped reminder opens a window
 * [sendAt, sendAt + windowMinutes) and every later reminder inside it joins. Anchoring (rather
 * than chaining "each within N minutes of the previous one") bounds how much earlier any
 * reminder is sent to less than `windowMinutes`. The digest goes out at the earliest member's
 * sendAt, which is already quiet-hours- and pause-checked, so pulling others forward is safe.
 */
import { localParts } from '@bloomzy/shared/time-zone';

export interface DigestReminder {
  userPlantId: string;
  nickname: string;
  sendAt: Date;
  /** The care task, when a plant can have several reminders (only used to order equal send times). */
  task?: string;
}

/** Generic so callers keep their own fields (reminder ids etc.) on the items. */
export type ReminderGroup<T extends DigestReminder = DigestReminder> =
  { kind: 'DIGEST'; sendAt: Date; items: T[] } | { kind: 'SINGLE'; sendAt: Date; item: T };

export interface DigestOptions {
  digestEnabled: boolean;
  /** Window length; default 60. */
  windowMinutes?: number;
  /**
   * When given, a group never spans two local calendar days, so a digest sent at 23:30 does not
   * swallow a reminder for tomorrow morning and "…need water today" stays true.
   */
  timeZone?: string;
}

const DEFAULT_DIGEST_WINDOW_MINUTES = 60;
/** Nicknames listed in a digest body before collapsing into "and N more". */
const MAX_NAMES_IN_BODY = 5;

/**
 * Groups sorted by sendAt. Disabled digest → every reminder is SINGLE. Enabled → windows with
 * ≥ 2 reminders become DIGEST (items sorted by sendAt), lone ones stay SINGLE. Input order
 * does not matter; equal sendAts are ordered by userPlantId (then task) so output is deterministic.
 */
export function groupForDigest<T extends DigestReminder>(
  reminders: readonly T[],
  options: DigestOptions,
): ReminderGroup<T>[] {
  const windowMinutes = options.windowMinutes ?? DEFAULT_DIGEST_WINDOW_MINUTES;
  if (!Number.isFinite(windowMinutes) || windowMinutes <= 0) {
    throw new RangeError(`windowMinutes must be a positive number, got ${windowMinutes}`);
  }
  const sorted = [...reminders].sort(
    (a, b) =>
      a.sendAt.getTime() - b.sendAt.getTime() ||
      a.userPlantId.localeCompare(b.userPlantId) ||
      (a.task ?? '').localeCompare(b.task ?? ''),
  );
  if (!options.digestEnabled) return sorted.map((item) => ({ kind: 'SINGLE', sendAt: item.sendAt, item }));

  const { timeZone } = options;
  const dayKey = (d: Date): string => {
    if (timeZone === undefined) return '';
    const p = localParts(d, timeZone);
    return `${p.year}-${p.month}-${p.day}`;
  };

  const groups: ReminderGroup<T>[] = [];
  let i = 0;
  while (i < sorted.length) {
    const anchor = sorted[i];
    if (anchor === undefined) break;
    const windowEnd = anchor.sendAt.getTime() + windowMinutes * 60_000;
    const anchorDay = dayKey(anchor.sendAt);
    const items: T[] = [anchor];
    i++;
    for (let next = sorted[i]; next !== undefined; next = sorted[i]) {
      if (next.sendAt.getTime() >= windowEnd || dayKey(next.sendAt) !== anchorDay) break;
      items.push(next);
      i++;
    }
    groups.push(
      items.length >= 2
        ? { kind: 'DIGEST', sendAt: anchor.sendAt, items }
        : { kind: 'SINGLE', sendAt: anchor.sendAt, item: anchor },
    );
  }
  return groups;
}

function displayName(item: DigestReminder): string {
  const name = item.nickname.trim();
  return name.length > 0 ? name : 'Unnamed plant';
}

/** "Monty, Fern and Pothos" — nicknames only; long lists end in "and N more". */
export function digestBody(items: readonly DigestReminder[]): string {
  const names = items.map(displayName);
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > MAX_NAMES_IN_BODY) {
    const shown = names.slice(0, MAX_NAMES_IN_BODY - 1);
    return `${shown.join(', ')} and ${names.length - shown.length} more`;
  }
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
