import type { GrowthEntryResolvers } from '../__generated__/resolvers-types.js';
import { plantOf } from './plant-of.js';

export const GrowthEntry: GrowthEntryResolvers = {
  userPlant: (entry, _a, ctx) => plantOf(ctx, entry.userPlantId),
};
