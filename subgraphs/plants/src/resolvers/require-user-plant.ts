import type { Context } from '../context.js';

/**
 * The plant of a watering or growth entry, which the caller reached through an authorised path. Cascading deletes
 * make a missing plant impossible; if it happens, it is a bug to log, not NOT_FOUND.
 */
export async function requireUserPlant(ctx: Context, userPlantId: string) {
  const plant = await ctx.loaders.userPlant.load(userPlantId);
  if (!plant) throw new Error(`User plant ${userPlantId} is missing`);
  return plant;
}
