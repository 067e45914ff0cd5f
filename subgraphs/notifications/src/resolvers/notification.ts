import type { NotificationResolvers } from '../__generated__/resolvers-types.js';

export const Notification: NotificationResolvers = {
  async __resolveReference(ref, ctx) {
    // Only the recipient may resolve it; anyone else gets null, exactly as for an unknown id.
    const principal = await ctx.auth.require('notifications:read');
    const found = await ctx.loaders.notification.load(ref.id);
    return found && found.userId === principal.userId ? found : null;
  },
  unread: (n) => n.status === 'SENT',
  userPlant: (n) => (n.userPlantId ? { id: n.userPlantId } : null),
  userPlants: (n) => n.userPlantIds.map((id) => ({ id })),
  recipient: (n) => ({ id: n.userId }),
  deliveryAttempts: (n, _a, ctx) => ctx.loaders.deliveryAttempts.load(n.id),
};
