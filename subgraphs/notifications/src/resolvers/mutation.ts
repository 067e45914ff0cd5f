import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { applyUserAction } from '../domain/actions.js';
import { scheduleNotification, sendTestNotification } from '../domain/create.js';
import { setPause, updatePreferences } from '../domain/preferences.js';

export const Mutation: MutationResolvers = {
  async markNotificationOpened(_p, { id }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return applyUserAction(ctx.deps, userId, id, 'open');
  },
  async markNotificationActed(_p, { id, action }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return applyUserAction(ctx.deps, userId, id, 'act', action);
  },
  async dismissNotification(_p, { id }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return applyUserAction(ctx.deps, userId, id, 'dismiss');
  },
  async cancelNotification(_p, { id }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return applyUserAction(ctx.deps, userId, id, 'cancel');
  },
  async updateNotificationPreferences(_p, { input }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return updatePreferences(ctx.deps, userId, input);
  },
  async scheduleNotification(_p, { input }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return scheduleNotification(ctx.deps, userId, input);
  },
  async sendTestNotification(_p, { channels }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return sendTestNotification(ctx.deps, userId, channels);
  },
  async pauseNotifications(_p, { until }, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return setPause(ctx.deps, userId, until);
  },
  async resumeNotifications(_p, _a, ctx) {
    const { userId } = await ctx.auth.require('notifications:write');
    return setPause(ctx.deps, userId, null);
  },
};
