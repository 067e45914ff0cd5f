import type { Principal } from '@bloomzy/shared/auth/principal';
import { forbidden } from '@bloomzy/shared/errors';
import type { Context } from '../context.js';
import { isAdmin } from '../domain/access.js';

/** Catalog changes: admins only (with plants:write when the admin uses an API key). */
export async function requireAdmin(ctx: Context): Promise<Principal> {
  const principal = await ctx.auth.require('plants:write');
  if (!isAdmin(principal)) throw forbidden('Only admins can change the species catalog');
  return principal;
}
