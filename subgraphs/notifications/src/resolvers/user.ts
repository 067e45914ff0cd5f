import { hasScope } from '@bloomzy/shared/auth/principal';
import type { UserResolvers } from '../__generated__/resolvers-types.js';

export const User: UserResolvers = {
  // Nothing to look up: every field here is computed from the id.
  __resolveReference: (ref) => ({ id: ref.id }),
  async unreadNotificationCount(user, _a, ctx) {
    // Private to the user (like email in auth): null for others rather than an error that would null the whole User.
    const principal = await ctx.auth.principal().catch(() => null);
    if (!principal || principal.userId !== user.id || !hasScope(principal, 'notifications:read')) return null;
    return ctx.loaders.unreadCount.load(user.id);
  },
};
