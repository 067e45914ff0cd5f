/** Event-bus streams and pub/sub topics shared between services: the contracts between subgraphs. */

/** auth → plants, notifications: the settings they keep a local copy of. */
export const USER_PROFILE_STREAM = 'auth.user-profile';
export interface UserProfileEvent {
  userId: string;
  timezone: string;
  hemisphere: 'NORTHERN' | 'SOUTHERN';
  language: string;
  notificationsEnabled: boolean;
  notifyInApp: boolean;
  /** ISO time of the change; consumers ignore events older than what they hold (at-least-once, maybe reordered). */
  changedAt: string;
}

/** plants → notifications: a plant's next watering moved (added, watered, snoozed, edited, archived). */
export const CARE_SCHEDULE_STREAM = 'plants.care-schedule';
export interface CareScheduleEvent {
  eventId: string;
  userId: string;
  userPlantId: string;
  nickname: string;
  /** Null when the plant was archived: no more reminders. */
  nextWateringAt: string | null;
  /**
   * What moved it. RECONCILED: republished by the plants schedule reconciler, because the change's own event was lost or
   * the date drifted with the season or the owner's profile. Consumers should treat reasons they do not know like
   * UPDATED: the event carries the full state either way.
   */
  reason: 'ADDED' | 'WATERED' | 'SNOOZED' | 'UPDATED' | 'ARCHIVED' | 'WATERING_CHANGED' | 'RECONCILED';
  /** ISO time of the change; consumers ignore events older than the one they applied. */
  changedAt: string;
}
