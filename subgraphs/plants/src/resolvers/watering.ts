import type { WateringResolvers } from '../__generated__/resolvers-types.js';
import { plantOf } from './plant-of.js';

export const Watering: WateringResolvers = {
  userPlant: (watering, _a, ctx) => plantOf(ctx, watering.userPlantId),
};
