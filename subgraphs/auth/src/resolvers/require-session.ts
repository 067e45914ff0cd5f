import type { Principal } from '@bloomzy/shared/auth/principal';
import { forbidden, unauthenticated } from '@bloomzy/shared/errors';
import type { Context } from '../context.js';

/**
 * Account-level operations (keys, password, logout) need a signed-in person: an API key must not be able to mint
 * more keys or lock its owner out.
 */
export async function requireSession(ctx: Context): Promise<Principal> {
  const principal = await ctx.auth.principal();
  if (!principal) throw unauthenticated();
  if (principal.kind !== 'session') throw forbidden('This operation needs a signed-in user, not an API key');
  return principal;
}
