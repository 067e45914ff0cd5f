import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { canRead } from '../domain/access.js';
import { listIndoorPlants } from '../domain/catalog.js';

export const Query: QueryResolvers = {
  // The catalog is public: browsing it before signing up is part of the product.
  indoorPlants: (_p, args, ctx) => listIndoorPlants(ctx.runtime, args),
  indoorPlant: (_p, { id }, ctx) => ctx.loaders.indoorPlant.load(id),
  async userPlant(_p, { id }, ctx) {
    const principal = await ctx.auth.require('plants:read');
    const plant = await ctx.loaders.userPlant.load(id);
    // Someone else's plant looks exactly like a missing one.
    return plant && canRead(principal, plant.userId) ? plant : null;
  },
};
