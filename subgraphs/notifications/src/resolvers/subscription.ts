import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import { fromLive, notificationTopic, type LiveNotification } from '../live/notification-topic.js';
import { onlyMatching } from '../live/only-matching.js';

export const Subscription: SubscriptionResolvers = {
  notificationReceived: {
    async subscribe(_p, _a, ctx) {
      const { userId } = await ctx.auth.require('notifications:read');
      // The topic is per user already; the filter is a second lock on the door, should a topic ever be shared.
      return onlyMatching(
        ctx.runtime.pubsub.subscribe<LiveNotification>(notificationTopic(userId)),
        (n) => n.userId === userId,
      );
    },
    resolve: (payload: LiveNotification) => fromLive(payload),
  },
};
