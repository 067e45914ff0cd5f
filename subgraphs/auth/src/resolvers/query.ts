import { notFound } from '@bloomzy/shared/errors';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { listApiKeys } from '../domain/api-keys.js';
import { requireSession } from './require-session.js';

export const Query: QueryResolvers = {
  async me(_parent, _args, ctx) {
    const principal = await ctx.auth.principal();
    if (!principal) return null;
    await ctx.auth.require('profile:read');
    return ctx.loaders.user.load(principal.userId);
  },
  async user(_parent, { id }, ctx) {
    const principal = await ctx.auth.require('profile:read');
    // Another user's profile behaves like a missing one, so ids cannot be probed.
    if (principal.userId !== id && principal.role !== 'ADMIN') throw notFound('User');
    const user = await ctx.loaders.user.load(id);
    if (!user) throw notFound('User');
    return user;
  },
  async apiKeys(_parent, _args, ctx) {
    const principal = await requireSession(ctx);
    return listApiKeys(ctx.runtime, principal.userId);
  },
};
