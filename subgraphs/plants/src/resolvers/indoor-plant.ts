import type { IndoorPlantConnectionResolvers, IndoorPlantResolvers } from '../__generated__/resolvers-types.js';

export const IndoorPlant: IndoorPlantResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.indoorPlant.load(ref.id),
};

export const IndoorPlantConnection: IndoorPlantConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
