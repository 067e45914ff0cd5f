/**
 * The pub/sub contract between the dispatcher (any instance) and `notificationReceived` subscribers (any instance):
 * one topic per user, so a subscriber can only ever be handed its own notifications; the payload is the delivered
 * row as JSON, so subscribers need no database read per event.
 */
import type { Notification } from '../db/client.js';

export const notificationTopic = (userId: string): string => `notifications.user.${userId}`;

type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type LiveNotification = Jsonified<Notification>;

const maybeDate = (value: string | null): Date | null => (value === null ? null : new Date(value));

export function toLive(n: Notification): LiveNotification {
  return JSON.parse(JSON.stringify(n)) as LiveNotification;
}

export function fromLive(n: LiveNotification): Notification {
  return {
    ...n,
    scheduledFor: new Date(n.scheduledFor),
    createdAt: new Date(n.createdAt),
    updatedAt: new Date(n.updatedAt),
    sentAt: maybeDate(n.sentAt),
    openedAt: maybeDate(n.openedAt),
    actedAt: maybeDate(n.actedAt),
    dismissedAt: maybeDate(n.dismissedAt),
    cancelledAt: maybeDate(n.cancelledAt),
    failedAt: maybeDate(n.failedAt),
    dispatchAt: maybeDate(n.dispatchAt),
    claimedUntil: maybeDate(n.claimedUntil),
  };
}
