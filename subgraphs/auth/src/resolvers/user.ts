import { hasScope } from '@bloomzy/shared/auth/principal';
import type { UserResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { UserModel } from '../mappers.js';

/** Email and settings are private: the user themself (or an API key with profile:read) and admins only. */
async function canSeePrivate(user: UserModel, ctx: Context): Promise<boolean> {
  if (ctx.signedIn.has(user.id)) return true;
  const principal = await ctx.auth.principal().catch(() => null);
  if (!principal) return false;
  if (principal.role === 'ADMIN' && principal.kind === 'session') return true;
  return principal.userId === user.id && hasScope(principal, 'profile:read');
}

export const User: UserResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.user.load(ref.id),
  email: async (user, _a, ctx) => ((await canSeePrivate(user, ctx)) ? user.email : null),
  notificationSettings: async (user, _a, ctx) =>
    (await canSeePrivate(user, ctx))
      ? { enabled: user.notificationsEnabled, inApp: user.notifyInApp, email: user.notifyEmail, push: user.notifyPush }
      : null,
};
