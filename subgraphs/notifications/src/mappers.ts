/** The objects notifications resolvers return for GraphQL types (codegen mappers). */
import type { DeliveryAttempt, Notification } from './db.js';
import type { UserSettings } from './domain/settings.js';

export type NotificationModel = Notification;
export type DeliveryAttemptModel = DeliveryAttempt;
export type PreferencesModel = UserSettings;
/** Entities owned elsewhere: only their key is known here; the router fetches the rest from their subgraph. */
export interface UserRef {
  id: string;
}
export interface UserPlantRef {
  id: string;
}
