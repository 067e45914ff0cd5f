/**
 * Keeps the local copy of auth's profile fields current (timezone, notification switches) and re-times the user's
 * reminders when they change. Events older than the stored changedAt are ignored (at-least-once, maybe reordered).
 */
import type { UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import { inTransaction } from '../db/client.js';
import { saveUserProfileIfNewer } from '../db/user-profiles.js';
import { replanCareReminders } from '../domain/replan-care-reminders.js';
import type { NotificationsRuntime } from '../runtime.js';

export async function applyUserProfileEvent(
  runtime: Pick<NotificationsRuntime, 'db' | 'clock' | 'logger'>,
  event: UserProfileEvent,
): Promise<boolean> {
  const now = runtime.clock.now();
  const changedAt = new Date(event.changedAt);
  return inTransaction(runtime.db, async (tx) => {
    if (!(await saveUserProfileIfNewer(tx, { ...event, changedAt }, now))) return false;
    await replanCareReminders(tx, event.userId, now);
    return true;
  });
}
