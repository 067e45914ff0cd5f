import type { GrowthEntryResolvers } from '../__generated__/resolvers-types.js';
import { requireUserPlant } from './require-user-plant.js';

export const GrowthEntry: GrowthEntryResolvers = {
  userPlant: (entry, _a, ctx) => requireUserPlant(ctx, entry.userPlantId),
};
