import type { NotificationPreferencesResolvers } from '../__generated__/resolvers-types.js';
import { availableChannels, NOTIFICATION_TYPES, typeSettings } from '../domain/user-settings.js';

export const NotificationPreferences: NotificationPreferencesResolvers = {
  // One set per user: the user's id identifies it, stable across reads and updates (what a client cache keys on).
  id: (s) => s.userId,
  types: (s) => NOTIFICATION_TYPES.map((type) => ({ type, ...typeSettings(s, type) })),
  quietHours: (s) => s.quietHours,
  digestEnabled: (s) => s.digestEnabled,
  pausedUntil: (s) => s.pausedUntil,
  webhookUrl: (s) => s.webhook?.url ?? null,
  timezone: (s) => s.timezone,
  async availableChannels(s, _a, ctx) {
    const { config, db } = ctx.runtime;
    const channels = availableChannels(s);
    if (config.email && s.email) channels.push('EMAIL');
    if (config.webPush && (await db.pushSubscription.count({ where: { userId: s.userId } })) > 0) {
      channels.push('WEB_PUSH');
    }
    return channels;
  },
};
