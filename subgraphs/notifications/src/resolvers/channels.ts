/**
 * The EMAIL and WEB_PUSH parts of the API: which channels the deployment offers, the VAPID key browsers subscribe
 * with, and the caller's push subscriptions. Spread into Query and Mutation (resolvers/index.ts).
 */
import type {
  MutationResolvers,
  NotificationTypePreferenceResolvers,
  QueryResolvers,
} from '../__generated__/resolvers-types.js';
import type { NotificationChannel } from '../db/client.js';
import { pushSubscriptionsOf } from '../db/push-subscriptions.js';
import { offeredChannels } from '../delivery/offered-channels.js';
import { registerPushSubscription, removePushSubscription } from '../domain/push-subscriptions.js';

export const channelQueries: Pick<QueryResolvers, 'deliveryChannels' | 'webPushPublicKey' | 'pushSubscriptions'> = {
  // Public facts about the deployment (the key is public by design): no login needed.
  deliveryChannels: (_p, _a, ctx) => offeredChannels(ctx.runtime.config),
  webPushPublicKey: (_p, _a, ctx) => ctx.runtime.config.webPush?.publicKey ?? null,
  async pushSubscriptions(_p, _a, ctx) {
    const { userId } = await ctx.auth.require('notifications:read');
    return (await pushSubscriptionsOf(ctx.runtime.db, [userId])).get(userId) ?? [];
  },
};

export const channelMutations: Pick<MutationResolvers, 'registerPushSubscription' | 'removePushSubscription'> = {
  async registerPushSubscription(_p, { input }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return registerPushSubscription(ctx.runtime, userId, input);
  },
  async removePushSubscription(_p, { endpoint }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return removePushSubscription(ctx.runtime, userId, endpoint);
  },
};

export const NotificationTypePreference: NotificationTypePreferenceResolvers = {
  // The stored list holds the dispatcher's channels; EMAIL and WEB_PUSH are the toggles, listed when they apply.
  channels: (p, _a, ctx) => {
    const extra: NotificationChannel[] = [];
    if (p.email && ctx.runtime.config.email) extra.push('EMAIL');
    if (p.webPush && ctx.runtime.config.webPush) extra.push('WEB_PUSH');
    return [...p.channels, ...extra];
  },
};
