import type { Scope } from '@bloomzy/shared/auth/principal';
import { forbidden, unauthenticated } from '@bloomzy/shared/errors';
import { scopeFromEnum } from '@bloomzy/shared/scalars';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { changePassword, login, signup, updateProfile } from '../domain/accounts.js';
import { createApiKey, revokeApiKey } from '../domain/api-keys.js';
import { refresh, revokeSession, sessionOfRefreshToken, type IssuedTokens } from '../domain/sessions.js';
import { requireSession } from './require-session.js';

/** The payload's user just authenticated, so their private fields are theirs to see in this response. */
async function signedIn(ctx: Context, issued: Promise<IssuedTokens>): Promise<IssuedTokens> {
  const tokens = await issued;
  ctx.signedIn.add(tokens.user.id);
  return tokens;
}

export const Mutation: MutationResolvers = {
  signup: (_p, { input }, ctx) => signedIn(ctx, signup(ctx.runtime, input, ctx.client)),
  login: (_p, { email, password }, ctx) => signedIn(ctx, login(ctx.runtime, email, password, ctx.client)),
  refreshToken: (_p, { refreshToken }, ctx) => signedIn(ctx, refresh(ctx.runtime, refreshToken, ctx.client)),

  async logout(_p, { refreshToken }, ctx) {
    // A stale access token must not stop someone from logging out with their refresh token.
    const principal = await ctx.auth.principal().catch(() => null);
    if (principal?.kind === 'apiKey') throw forbidden('API keys cannot log out; revoke the key instead');
    const fromRefresh = refreshToken ? await sessionOfRefreshToken(ctx.runtime, refreshToken) : null;
    if (refreshToken && !fromRefresh) throw unauthenticated('Invalid refresh token');
    if (fromRefresh && principal && fromRefresh.userId !== principal.userId)
      throw unauthenticated('Invalid refresh token');
    const sessions = new Set([principal?.sessionId, fromRefresh?.id].filter((s): s is string => !!s));
    if (sessions.size === 0) throw unauthenticated();
    for (const id of sessions) await revokeSession(ctx.runtime, id, 'logout');
    return true;
  },

  async updateProfile(_p, { input }, ctx) {
    const principal = await ctx.auth.require('profile:write');
    return updateProfile(ctx.runtime, principal.userId, input);
  },

  async changePassword(_p, { currentPassword, newPassword }, ctx) {
    const principal = await requireSession(ctx);
    await changePassword(ctx.runtime, principal, currentPassword, newPassword);
    return true;
  },

  async createApiKey(_p, { input }, ctx) {
    const principal = await requireSession(ctx);
    return createApiKey(ctx.runtime, principal.userId, {
      ...input,
      scopes: input.scopes.map(scopeFromEnum) as Scope[],
    });
  },

  async revokeApiKey(_p, { id }, ctx) {
    const principal = await requireSession(ctx);
    return revokeApiKey(ctx.runtime, principal.userId, id);
  },
};
