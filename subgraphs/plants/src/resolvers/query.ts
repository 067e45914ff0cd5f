import { notFound } from '@bloomzy/shared/errors';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { canRead } from '../domain/access.js';
import { listIndoorPlants } from '../domain/catalog.js';

/**
 * A missing id answers NOT_FOUND on every by-id query of the API (notification(id) set the rule), so a client handles
 * "gone" one way. The fields stay nullable: the error nulls just that field, not the whole response.
 */
export const Query: QueryResolvers = {
  /**
   * Shared with auth (`@shareable`), so the router answers `me { plants }` with one fetch here instead of a fetch to
   * auth and then one here: the dashboard's most common shape. The caller is the one auth would see (the same verified,
   * unrevoked credential, the same profile:read scope) and accounts are never deleted, so the id is the user.
   */
  async me(_p, _args, ctx) {
    const principal = await ctx.auth.principal();
    if (!principal) return null;
    await ctx.auth.require('profile:read');
    return { id: principal.userId };
  },
  // The catalog is public: browsing it before signing up is part of the product.
  indoorPlants: (_p, args, ctx) => listIndoorPlants(ctx.runtime, args),
  async indoorPlant(_p, { id }, ctx) {
    const species = await ctx.loaders.indoorPlant.load(id);
    if (!species) throw notFound('Species');
    return species;
  },
  async userPlant(_p, { id }, ctx) {
    const principal = await ctx.auth.require('plants:read');
    const plant = await ctx.loaders.userPlant.load(id);
    // Someone else's plant looks exactly like a missing one, so ids cannot be probed.
    if (!plant || !canRead(principal, plant.userId)) throw notFound('Plant');
    return plant;
  },
};
