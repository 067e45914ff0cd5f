import type { WateringResolvers } from '../__generated__/resolvers-types.js';
import { requireUserPlant } from './require-user-plant.js';

export const Watering: WateringResolvers = {
  userPlant: (watering, _a, ctx) => requireUserPlant(ctx, watering.userPlantId),
};
