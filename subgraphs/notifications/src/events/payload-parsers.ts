/**
 * Validation of the events this service consumes. A malformed event can never succeed, so it is logged and dropped
 * rather than thrown (a throw would make the event bus redeliver it forever).
 */
import { UUID } from '@bloomzy/shared/ids';
import type { CareScheduleEvent, UserProfileEvent } from '@bloomzy/shared/messaging/topics';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(new Date(v).getTime());

export function parseCareScheduleEvent(value: unknown): CareScheduleEvent | null {
  if (!isObject(value)) return null;
  const { eventId, userId, userPlantId, nickname, nextWateringAt, reason, changedAt } = value;
  if (typeof eventId !== 'string' || eventId.length === 0 || eventId.length > 200) return null;
  if (typeof userId !== 'string' || !UUID.test(userId) || typeof userPlantId !== 'string' || !UUID.test(userPlantId))
    return null;
  if (typeof nickname !== 'string' || typeof reason !== 'string' || !isDate(changedAt)) return null;
  if (nextWateringAt !== null && !isDate(nextWateringAt)) return null;
  return {
    eventId,
    userId,
    userPlantId,
    nickname,
    nextWateringAt,
    reason: reason as CareScheduleEvent['reason'],
    changedAt,
  };
}

export function parseUserProfileEvent(value: unknown): UserProfileEvent | null {
  if (!isObject(value)) return null;
  const { userId, timezone, hemisphere, language, notificationsEnabled, notifyInApp, changedAt } = value;
  if (typeof userId !== 'string' || !UUID.test(userId) || !isDate(changedAt)) return null;
  if (typeof timezone !== 'string' || typeof language !== 'string') return null;
  if (hemisphere !== 'NORTHERN' && hemisphere !== 'SOUTHERN') return null;
  if (typeof notificationsEnabled !== 'boolean' || typeof notifyInApp !== 'boolean') return null;
  return { userId, timezone, hemisphere, language, notificationsEnabled, notifyInApp, changedAt };
}
