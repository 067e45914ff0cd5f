/** The objects notifications resolvers return for GraphQL types (codegen mappers). */
import type { DeliveryAttempt, Notification, PushSubscription } from './db/client.js';
import type { NotificationPage } from './domain/notification-list.js';
import type { UserSettings } from './domain/user-settings.js';

export type NotificationModel = Notification;
export type NotificationDeliveryAttemptModel = DeliveryAttempt;
export type NotificationPreferencesModel = UserSettings;
export type PushSubscriptionModel = PushSubscription;
export type NotificationConnectionModel = NotificationPage;
/** Entities owned elsewhere: only their key is known here; the router fetches the rest from their subgraph. */
export interface UserModel {
  id: string;
}
export interface UserPlantModel {
  id: string;
}
