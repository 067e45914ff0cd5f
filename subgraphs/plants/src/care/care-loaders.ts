/**
 * Per-request DataLoaders of care tasks (part of the request's Loaders): a plant's care log pages and counts, its
 * latest care per task and settings, and its care schedule, each one statement per batch however many plants.
 */
import DataLoader from 'dataloader';
import type { Clock } from '@bloomzy/shared/clock';
import type { CareTask } from '../__generated__/resolvers-types.js';
import {
  careLogCounts,
  careLogPages,
  careOverrides,
  latestCare,
  type CareLogCountKey,
  type CareLogPageKey,
  type CareLogRow,
} from '../db/care-queries.js';
import type { CareOverride, PlantsDb, UserPlant } from '../db/client.js';
import type { Loaders } from '../loaders.js';
import { otherCareSchedules, wateringAsCareTask, wateringIsOff, type CareTaskStatusView } from './plant-care.js';

export interface CareLoaders {
  log: DataLoader<CareLogPageKey, CareLogRow[], string>;
  logCount: DataLoader<CareLogCountKey, number, string>;
  latest: DataLoader<string, Map<CareTask, Date>>;
  overrides: DataLoader<string, CareOverride[]>;
  /** Every enabled task of an active plant, WATER first (unless turned off); empty for an archived plant. */
  schedule: DataLoader<UserPlant, CareTaskStatusView[], string>;
}

const keyOf = <K>(key: K) => JSON.stringify(key);

export function createCareLoaders(db: PlantsDb, clock: Clock, loaders: Omit<Loaders, 'care'>): CareLoaders {
  const care: CareLoaders = {
    log: new DataLoader((keys) => careLogPages(db, keys), { cacheKeyFn: keyOf<CareLogPageKey> }),
    logCount: new DataLoader((keys) => careLogCounts(db, keys), { cacheKeyFn: keyOf<CareLogCountKey> }),
    latest: new DataLoader((ids) => latestCare(db, ids)),
    overrides: new DataLoader((ids) => careOverrides(db, ids)),
    schedule: new DataLoader(
      (plants) => {
        const now = clock.now();
        return Promise.all(
          plants.map(async (plant) => {
            if (plant.archivedAt) return [];
            const [watering, species, latest, overrides, profile] = await Promise.all([
              loaders.schedule.load(plant),
              loaders.indoorPlant.load(plant.plantId),
              care.latest.load(plant.id),
              care.overrides.load(plant.id),
              loaders.profile.load(plant.userId),
            ]);
            const others = otherCareSchedules(plant, species, latest, overrides, profile, now);
            return wateringIsOff(overrides) ? others : [wateringAsCareTask(watering), ...others];
          }),
        );
      },
      { cacheKeyFn: (plant) => plant.id },
    ),
  };
  return care;
}
