import { notFound } from '@bloomzy/shared/errors';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { notificationAnalytics } from '../domain/notification-analytics.js';
import { listNotifications } from '../domain/notification-list.js';
import { loadUserSettings } from '../domain/user-settings.js';

export const Query: QueryResolvers = {
  async notifications(_p, args, ctx) {
    const { userId } = await ctx.auth.require('notifications:read');
    return listNotifications(ctx.runtime.db, userId, args, ctx.runtime.clock.now());
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
    return loadUserSettings(ctx.runtime.db, userId);
  },
  async notificationAnalytics(_p, { periodDays }, ctx) {
    const { userId } = await ctx.auth.require('notifications:read');
    return notificationAnalytics(ctx.runtime.db, userId, periodDays ?? 30, ctx.runtime.clock.now());
  },
};
