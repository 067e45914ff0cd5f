import { hasScope } from '@bloomzy/shared/auth/principal';
import { badInput } from '@bloomzy/shared/errors';
import type { UserPlantConnectionResolvers, UserPlantResolvers } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { canRead } from '../domain/access.js';
import { growthSummary } from '../domain/growth-summary.js';
import { connectionFrom, cursorDate, decodeCursor, pageSize, type CursorKey } from '../domain/pagination.js';
import { RECENT_WATERINGS } from '../schedule/plant-schedule.js';
import { userPlantCare } from './care.js';

const byTime = (at: Date, id: string): CursorKey => ({ value: at.toISOString(), id });

/** A (time, id) cursor from `after`, or null. */
function afterKey(after: string | null | undefined) {
  if (!after) return null;
  const key = decodeCursor(after);
  return { at: cursorDate(key), id: key.id };
}

async function species(plant: { plantId: string }, ctx: Context) {
  const found = await ctx.loaders.indoorPlant.load(plant.plantId);
  // The foreign key forbids deleting a species that is in a collection, so this is a broken invariant.
  if (!found) throw new Error(`Species ${plant.plantId} of a user plant is missing`);
  return found;
}

export const UserPlant: UserPlantResolvers = {
  async __resolveReference(ref, ctx) {
    // Load before awaiting the caller, so every reference of an `_entities` batch joins one query.
    const pending = ctx.loaders.userPlant.load(ref.id);
    const principal = await ctx.auth.principal();
    const plant = await pending;
    return plant && principal && hasScope(principal, 'plants:read') && canRead(principal, plant.userId) ? plant : null;
  },
  owner: (plant) => ({ id: plant.userId }),
  plant: (plant, _a, ctx) => species(plant, ctx),
  lastWateredAt: async (plant, _a, ctx) => (await ctx.loaders.schedule.load(plant)).lastWateredAt,
  // Archived plants have no schedule: no reminders, no due date.
  nextWateringAt: async (plant, _a, ctx) =>
    plant.archivedAt ? null : (await ctx.loaders.schedule.load(plant)).nextWateringAt,
  wateringStatus: (plant, _a, ctx) => (plant.archivedAt ? null : ctx.loaders.schedule.load(plant)),

  async waterings(plant, { first, after }, ctx) {
    const size = pageSize(first);
    const key = afterKey(after);
    // A first page no longer than the schedule's recent waterings is a prefix of them: sharing the schedule's
    // loader key makes `waterings(first: 3)` next to `wateringStatus` cost no statement of its own.
    const rows =
      key === null && size < RECENT_WATERINGS
        ? (await ctx.loaders.waterings.load({ userPlantId: plant.id, limit: RECENT_WATERINGS })).slice(0, size + 1)
        : await ctx.loaders.waterings.load({ userPlantId: plant.id, limit: size + 1, after: key });
    return connectionFrom(
      rows,
      size,
      (w) => byTime(w.wateredAt, w.id),
      key !== null,
      () => ctx.loaders.wateringCount.load(plant.id),
    );
  },

  async growthEntries(plant, { first, after, type, from, to }, ctx) {
    const size = pageSize(first);
    if (from && to && from > to) throw badInput('from', 'Must not be after `to`');
    const key = afterKey(after);
    const rows = await ctx.loaders.growthEntries.load({
      userPlantId: plant.id,
      limit: size + 1,
      after: key,
      type,
      from,
      to,
    });
    return connectionFrom(
      rows,
      size,
      (g) => byTime(g.recordedAt, g.id),
      key !== null,
      () => ctx.loaders.growthEntryCount.load({ userPlantId: plant.id, type, from, to }),
    );
  },

  growthSummary: async (plant, _a, ctx) => growthSummary(await ctx.loaders.growthAggregate.load(plant.id)),

  ...userPlantCare,
};

export const UserPlantConnection: UserPlantConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};
