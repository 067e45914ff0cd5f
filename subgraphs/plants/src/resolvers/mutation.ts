import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { freshLoaders, type Context } from '../context.js';
import { createIndoorPlant, deleteIndoorPlant, updateIndoorPlant } from '../domain/catalog.js';
import { deleteGrowthEntry, recordGrowth, updateGrowthEntry } from '../domain/growth.js';
import { addUserPlant, archiveUserPlant, updateUserPlant } from '../domain/user-plants.js';
import { deleteWatering, snoozeWatering, updateWatering, waterPlant, waterPlants } from '../domain/waterings.js';
import { requireAdmin } from './guards.js';

/** Runs a write as the caller (plants:write), then drops the request's caches so the result is read fresh. */
async function write<T>(ctx: Context, run: (userId: string) => Promise<T>): Promise<T> {
  const principal = await ctx.auth.require('plants:write');
  const result = await run(principal.userId);
  freshLoaders(ctx);
  return result;
}

async function adminWrite<T>(ctx: Context, run: () => Promise<T>): Promise<T> {
  await requireAdmin(ctx);
  const result = await run();
  freshLoaders(ctx);
  return result;
}

export const Mutation: MutationResolvers = {
  createIndoorPlant: (_p, { input }, ctx) => adminWrite(ctx, () => createIndoorPlant(ctx.deps, input)),
  updateIndoorPlant: (_p, { id, input }, ctx) => adminWrite(ctx, () => updateIndoorPlant(ctx.deps, id, input)),
  deleteIndoorPlant: (_p, { id }, ctx) => adminWrite(ctx, () => deleteIndoorPlant(ctx.deps, id)),

  addUserPlant: (_p, { input }, ctx) => write(ctx, (userId) => addUserPlant(ctx.deps, userId, input)),
  updateUserPlant: (_p, { id, input }, ctx) => write(ctx, (userId) => updateUserPlant(ctx.deps, userId, id, input)),
  archiveUserPlant: (_p, { id }, ctx) => write(ctx, (userId) => archiveUserPlant(ctx.deps, userId, id)),

  waterPlant: (_p, { input }, ctx) => write(ctx, (userId) => waterPlant(ctx.deps, userId, input)),
  waterPlants: (_p, { userPlantIds, wateredAt }, ctx) =>
    write(ctx, (userId) => waterPlants(ctx.deps, userId, userPlantIds, wateredAt)),
  snoozeWatering: (_p, { userPlantId, days }, ctx) =>
    write(ctx, (userId) => snoozeWatering(ctx.deps, userId, userPlantId, days)),
  updateWatering: (_p, { id, input }, ctx) => write(ctx, (userId) => updateWatering(ctx.deps, userId, id, input)),
  deleteWatering: (_p, { id }, ctx) => write(ctx, (userId) => deleteWatering(ctx.deps, userId, id)),

  recordGrowth: (_p, { input }, ctx) => write(ctx, (userId) => recordGrowth(ctx.deps, userId, input)),
  updateGrowthEntry: (_p, { id, input }, ctx) => write(ctx, (userId) => updateGrowthEntry(ctx.deps, userId, id, input)),
  deleteGrowthEntry: (_p, { id }, ctx) => write(ctx, (userId) => deleteGrowthEntry(ctx.deps, userId, id)),
};
