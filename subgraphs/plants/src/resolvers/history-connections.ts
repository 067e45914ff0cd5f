/**
 * A plant's watering log and growth journal as pages. `totalCount` is counted only when asked for, through the count
 * loaders, so the totals of every plant in a response cost one statement (see db/count-queries.ts).
 */
import type { GrowthEntryConnectionResolvers, WateringConnectionResolvers } from '../__generated__/resolvers-types.js';

export const WateringConnection: WateringConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};

export const GrowthEntryConnection: GrowthEntryConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
