/**
 * Whether notifications' copy of a plant's schedule is stale, so the plant needs a care-schedule event now: the
 * reconciler's decision, as a pure function of what was published and what the schedule says today.
 */
import type { UserPlant } from '../db/client.js';

/**
 * Differences up to a minute are not worth an event: schedules move in whole days (or by a snooze), so anything smaller
 * is jitter, and a republished due date makes notifications re-plan the reminder.
 */
export const DRIFT_TOLERANCE_MS = 60_000;

export type PublicationState = Pick<UserPlant, 'scheduleVersion' | 'publishedVersion' | 'publishedNextWateringAt'>;

/** Why the published event no longer holds: a change never confirmed, or a schedule that moved by itself. */
export type Staleness = 'unpublished' | 'drifted';

/**
 * `nextWateringAt` is today's schedule (null for an archived plant). Returns:
 * - 'unpublished' when a committed change has no confirmed event yet (its publish failed or the process died);
 * - 'drifted' when the schedule moved without anyone touching the plant (season, profile, species edits), or an
 *   archived plant may still have a due date at notifications;
 * - null otherwise.
 *
 * A plant that was due when last published and is still due is left alone even if the date differs: a never-watered
 * plant is due "now", which moves every run, and a due date in the past reminds the same either way.
 */
export function publicationStaleness(
  plant: PublicationState,
  nextWateringAt: Date | null,
  now: Date,
): Staleness | null {
  if (plant.scheduleVersion > plant.publishedVersion) return 'unpublished';
  const published = plant.publishedNextWateringAt;
  if (nextWateringAt === null || published === null) return nextWateringAt === published ? null : 'drifted';
  if (published.getTime() <= now.getTime() && nextWateringAt.getTime() <= now.getTime()) return null;
  return Math.abs(nextWateringAt.getTime() - published.getTime()) > DRIFT_TOLERANCE_MS ? 'drifted' : null;
}
