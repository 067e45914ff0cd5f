import { notFound } from '@bloomzy/shared/errors';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { notificationAnalytics } from '../domain/analytics.js';
import { listNotifications } from '../domain/listing.js';
import { loadUserSettings } from '../domain/settings.js';

export const Query: QueryResolvers = {
  async notifications(_p, args, ctx) {
    const { userId } = await ctx.auth.require('notifications:read');
    return listNotifications(ctx.deps.db, userId, args);
  },
  async notification(_p, { id }, ctx) {
    const { userId } = await ctx.auth.require('notifications:read');
    const found = await ctx.loaders.notification.load(id);
    // Someone else's notification behaves like a missing one, so ids cannot be probed.
    if (!found || found.userId !== userId) throw notFound('Notification');
    return found;
  },
  async notificationPreferences(_p, _a, ctx) {
    const { userId } = await ctx.auth.require('notifications:read');
    return loadUserSettings(ctx.deps.db, userId);
  },
  async notificationAnalytics(_p, { periodDays }, ctx) {
    const { userId } = await ctx.auth.require('notifications:read');
    return notificationAnalytics(ctx.deps.db, userId, periodDays ?? 30, ctx.deps.clock.now());
  },
};
