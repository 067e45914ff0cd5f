/**
 * Whether notifications' copy of a plant's other care tasks (the `otherTasks` of the newest published event, kept in
 * UserPlant.publishedOtherTasks) no longer matches today's: the reconciler then publishes the plant again. This is how
 * fertilizing pausing at the start of winter (or resuming in spring) reaches notifications without anyone touching
 * the plant.
 */
import type { OtherTaskDue } from '../domain/care-schedules.js';
import { DRIFT_TOLERANCE_MS } from '../jobs/publication-staleness.js';

/** The published list, read leniently: anything that is not a list of {task, dueAt} is "unknown" (null). */
function readPublished(value: unknown): Map<string, number> | null {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(parsed)) return null;
  const tasks = new Map<string, number>();
  for (const item of parsed as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { task, dueAt } = item as { task?: unknown; dueAt?: unknown };
    const at = typeof dueAt === 'string' ? Date.parse(dueAt) : Number.NaN;
    if (typeof task !== 'string' || Number.isNaN(at)) return null;
    tasks.set(task, at);
  }
  return tasks;
}

/**
 * True when a task was added or removed, or a due date moved by more than the tolerance, unless it was due and still
 * is (a past due date reminds the same either way). Nothing published (events from before care tasks) counts as no
 * tasks, so a plant with tasks is published once more.
 */
export function otherTasksDrifted(published: unknown, current: readonly OtherTaskDue[], now: Date): boolean {
  const before = readPublished(published) ?? new Map<string, number>();
  if (before.size !== current.length) return true;
  return current.some(({ task, dueAt }) => {
    const was = before.get(task);
    if (was === undefined) return true;
    const is = Date.parse(dueAt);
    if (was <= now.getTime() && is <= now.getTime()) return false;
    return Math.abs(is - was) > DRIFT_TOLERANCE_MS;
  });
}
