import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { freshLoaders, type Context } from '../context.js';
import { deleteCareLog, recordCare, updateCareLog } from '../domain/care-log.js';
import { recordCareForRoom, setCareTask } from '../domain/care-settings.js';
import { createIndoorPlant, deleteIndoorPlant, updateIndoorPlant } from '../domain/catalog.js';
import { deleteGrowthEntry, recordGrowth, updateGrowthEntry } from '../domain/growth.js';
import { addUserPlant, archiveUserPlant, updateUserPlant } from '../domain/user-plants.js';
import { deleteWatering, snoozeWatering, updateWatering, waterPlant, waterPlants } from '../domain/waterings.js';
import { requireAdmin } from './require-admin.js';

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
  createIndoorPlant: (_p, { input }, ctx) => adminWrite(ctx, () => createIndoorPlant(ctx.runtime, input)),
  updateIndoorPlant: (_p, { id, input }, ctx) => adminWrite(ctx, () => updateIndoorPlant(ctx.runtime, id, input)),
  deleteIndoorPlant: (_p, { id }, ctx) => adminWrite(ctx, () => deleteIndoorPlant(ctx.runtime, id)),

  addUserPlant: (_p, { input }, ctx) => write(ctx, (userId) => addUserPlant(ctx.runtime, userId, input)),
  updateUserPlant: (_p, { id, input }, ctx) => write(ctx, (userId) => updateUserPlant(ctx.runtime, userId, id, input)),
  archiveUserPlant: (_p, { id }, ctx) => write(ctx, (userId) => archiveUserPlant(ctx.runtime, userId, id)),

  waterPlant: (_p, { input }, ctx) => write(ctx, (userId) => waterPlant(ctx.runtime, userId, input)),
  waterPlants: (_p, { userPlantIds, wateredAt }, ctx) =>
    write(ctx, (userId) => waterPlants(ctx.runtime, userId, userPlantIds, wateredAt)),
  snoozeWatering: (_p, { userPlantId, days }, ctx) =>
    write(ctx, (userId) => snoozeWatering(ctx.runtime, userId, userPlantId, days)),
  updateWatering: (_p, { id, input }, ctx) => write(ctx, (userId) => updateWatering(ctx.runtime, userId, id, input)),
  deleteWatering: (_p, { id }, ctx) => write(ctx, (userId) => deleteWatering(ctx.runtime, userId, id)),

  recordGrowth: (_p, { input }, ctx) => write(ctx, (userId) => recordGrowth(ctx.runtime, userId, input)),
  updateGrowthEntry: (_p, { id, input }, ctx) =>
    write(ctx, (userId) => updateGrowthEntry(ctx.runtime, userId, id, input)),
  deleteGrowthEntry: (_p, { id }, ctx) => write(ctx, (userId) => deleteGrowthEntry(ctx.runtime, userId, id)),

  recordCare: (_p, { input }, ctx) => write(ctx, (userId) => recordCare(ctx.runtime, userId, input)),
  updateCareLog: (_p, { id, input }, ctx) => write(ctx, (userId) => updateCareLog(ctx.runtime, userId, id, input)),
  deleteCareLog: (_p, { id }, ctx) => write(ctx, (userId) => deleteCareLog(ctx.runtime, userId, id)),
  setCareTask: (_p, { input }, ctx) => write(ctx, (userId) => setCareTask(ctx.runtime, userId, input)),
  recordCareForRoom: (_p, { location, task, doneAt }, ctx) =>
    write(ctx, (userId) => recordCareForRoom(ctx.runtime, userId, location, task, doneAt)),
};
