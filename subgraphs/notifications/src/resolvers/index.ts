import { DateTimeScalar } from '@bloomzy/shared/scalars';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { channelMutations, channelQueries, NotificationTypePreference } from './channels.js';
import { Mutation } from './mutation.js';
import { NotificationConnection } from './notification-connection.js';
import { NotificationPreferences } from './notification-preferences.js';
import { Notification } from './notification.js';
import { Query } from './query.js';
import { Subscription } from './subscription.js';
import { User } from './user.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...channelQueries },
  Mutation: { ...Mutation, ...channelMutations },
  Subscription,
  Notification,
  NotificationConnection,
  NotificationPreferences,
  NotificationTypePreference,
  User,
};
