import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { setPause, updatePreferences } from '../domain/preferences.js';
import { applyUserAction, markAllRead } from '../domain/user-actions.js';
import { scheduleNotification, sendTestNotification } from '../domain/user-created-notifications.js';

export const Mutation: MutationResolvers = {
  async markNotificationOpened(_p, { id }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return applyUserAction(ctx.runtime, userId, id, 'open');
  },
  async markNotificationActed(_p, { id, action }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return applyUserAction(ctx.runtime, userId, id, 'act', action);
  },
  async dismissNotification(_p, { id }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return applyUserAction(ctx.runtime, userId, id, 'dismiss');
  },
  async cancelNotification(_p, { id }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return applyUserAction(ctx.runtime, userId, id, 'cancel');
  },
  async markAllNotificationsRead(_p, _a, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    const notifications = await markAllRead(ctx.runtime, userId);
    return { updatedCount: notifications.length, notifications, user: { id: userId } };
  },
  async updateNotificationPreferences(_p, { input }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return updatePreferences(ctx.runtime, userId, input);
  },
  async scheduleNotification(_p, { input }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return scheduleNotification(ctx.runtime, userId, input);
  },
  async sendTestNotification(_p, { channels }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return sendTestNotification(ctx.runtime, userId, channels);
  },
  async pauseNotifications(_p, { until }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return setPause(ctx.runtime, userId, until);
  },
  async resumeNotifications(_p, _a, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return setPause(ctx.runtime, userId, null);
  },
};
