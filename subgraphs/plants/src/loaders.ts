/**
 * Per-request DataLoaders over the data access in db/. Every entity lookup and every list field goes through one of
 * these, so a query over 50 plants costs a fixed handful of statements: one per loader batch, not one per plant. Only
 * resolvers and the request context use them; domain code, event handlers and jobs read through db/ directly.
 */
import DataLoader from 'dataloader';
import type { Clock } from '@bloomzy/shared/clock';
import { isUuid } from '@bloomzy/shared/ids';
import { createCareLoaders, type CareLoaders } from './care/care-loaders.js';
import type { GrowthEntry, IndoorPlant, PlantsDb, UserPlant, Watering } from './db/client.js';
import { growthEntryCounts, wateringCounts, type GrowthCountKey } from './db/count-queries.js';
import { growthAggregates, type GrowthAggregate } from './db/growth-summary-query.js';
import { growthPages, wateringPages, type GrowthPageKey, type PageKey } from './db/page-queries.js';
import { indoorPlantsByIds, userPlantsByIds } from './db/rows-by-id.js';
import { readProfiles, type Profile } from './db/user-profiles.js';
import { plantSchedule, RECENT_WATERINGS } from './schedule/plant-schedule.js';
import type { WateringSchedule } from './schedule/types.js';

export interface Loaders {
  indoorPlant: DataLoader<string, IndoorPlant | null>;
  userPlant: DataLoader<string, UserPlant | null>;
  profile: DataLoader<string, Profile>;
  /** A page of one plant's waterings; pages of many plants load in one statement. */
  waterings: DataLoader<PageKey, Watering[], string>;
  growthEntries: DataLoader<GrowthPageKey, GrowthEntry[], string>;
  /** Totals for the connections' totalCount, many plants in one statement. */
  wateringCount: DataLoader<string, number>;
  growthEntryCount: DataLoader<GrowthCountKey, number, string>;
  /** First and latest measurements of a plant's journal (null without entries). */
  growthAggregate: DataLoader<string, GrowthAggregate | null>;
  /**
   * The care schedule of a plant row, computed once per request from the loaders above (so the species, waterings and
   * profile it needs join the batches of the fields that show them).
   */
  schedule: DataLoader<UserPlant, WateringSchedule, string>;
  /** Care tasks: log, settings and schedule (care/care-loaders.ts). */
  care: CareLoaders;
}

/** Rows by id in key order; malformed ids cannot exist and would make Postgres reject the whole batch. */
function byId<T extends { id: string }>(find: (ids: string[]) => Promise<T[]>) {
  return async (ids: readonly string[]): Promise<(T | null)[]> => {
    const rows = await find(ids.filter(isUuid));
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  };
}

const pageCacheKey = (key: PageKey | GrowthPageKey) => JSON.stringify(key);

export function createLoaders(db: PlantsDb, clock: Clock): Loaders {
  const loaders: Omit<Loaders, 'care'> = {
    indoorPlant: new DataLoader(byId((ids) => indoorPlantsByIds(db, ids))),
    userPlant: new DataLoader(byId((ids) => userPlantsByIds(db, ids))),
    profile: new DataLoader((userIds) => readProfiles(db, userIds)),
    waterings: new DataLoader((keys) => wateringPages(db, keys), { cacheKeyFn: pageCacheKey }),
    growthEntries: new DataLoader((keys) => growthPages(db, keys), { cacheKeyFn: pageCacheKey }),
    wateringCount: new DataLoader((ids) => wateringCounts(db, ids)),
    growthEntryCount: new DataLoader((keys) => growthEntryCounts(db, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
    growthAggregate: new DataLoader(async (ids) => {
      const aggregates = await growthAggregates(db, ids);
      return ids.map((id) => aggregates.get(id) ?? null);
    }),
    schedule: new DataLoader(
      (plants) => {
        // One `now` for the whole batch: every plant in a response is judged at the same moment.
        const now = clock.now();
        return Promise.all(
          plants.map(async (plant) => {
            const [species, recent, profile] = await Promise.all([
              loaders.indoorPlant.load(plant.plantId),
              loaders.waterings.load({ userPlantId: plant.id, limit: RECENT_WATERINGS }),
              loaders.profile.load(plant.userId),
            ]);
            return plantSchedule(plant, species, recent, profile, now);
          }),
        );
      },
      { cacheKeyFn: (plant) => plant.id },
    ),
  };
  return { ...loaders, care: createCareLoaders(db, clock, loaders) };
}
