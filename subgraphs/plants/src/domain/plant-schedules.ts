/**
 * Care schedules of stored plants outside a request (publishing events, the reconciler, snoozing): read straight from
 * the database in three statements however many plants (a fourth for the care settings where watering may be turned
 * off), where a request uses its loaders instead.
 */
import { wateringIsOff } from '../care/plant-care.js';
import { careOverrides } from '../db/care-queries.js';
import type { PlantsDb, UserPlant } from '../db/client.js';
import { wateringPages } from '../db/page-queries.js';
import { defaultProfile, readProfiles } from '../db/user-profiles.js';
import { plantSchedule, RECENT_WATERINGS } from '../schedule/plant-schedule.js';
import type { WateringSchedule } from '../schedule/types.js';

/** The schedules of `plants` at `now`, in order: one statement each for their species, recent waterings and owners. */
async function readPlantSchedules(db: PlantsDb, plants: readonly UserPlant[], now: Date): Promise<WateringSchedule[]> {
  if (plants.length === 0) return [];
  const [species, recent, profiles] = await Promise.all([
    db.indoorPlant.findMany({ where: { id: { in: [...new Set(plants.map((p) => p.plantId))] } } }),
    wateringPages(
      db,
      plants.map((p) => ({ userPlantId: p.id, limit: RECENT_WATERINGS })),
    ),
    readProfiles(db, [...new Set(plants.map((p) => p.userId))]),
  ]);
  const speciesById = new Map(species.map((s) => [s.id, s]));
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  return plants.map((plant, i) =>
    plantSchedule(
      plant,
      speciesById.get(plant.plantId) ?? null,
      recent[i] ?? [],
      profileOf.get(plant.userId) ?? defaultProfile(plant.userId),
      now,
    ),
  );
}

/** One plant's schedule at `now` (the same three statements). */
export async function readPlantSchedule(db: PlantsDb, plant: UserPlant, now: Date): Promise<WateringSchedule> {
  const [schedule] = await readPlantSchedules(db, [plant], now);
  if (!schedule) throw new Error(`No schedule computed for plant ${plant.id}`);
  return schedule;
}

/**
 * Each plant's next watering at `now`, in order: null for archived plants, which have no schedule (and cost no reads:
 * a batch of archived plants reads nothing), and for plants whose owner turned watering off, which get no reminder.
 */
export async function readNextWaterings(
  db: PlantsDb,
  plants: readonly UserPlant[],
  now: Date,
): Promise<(Date | null)[]> {
  const active = plants.filter((plant) => !plant.archivedAt);
  const [schedules, overrides] = await Promise.all([
    readPlantSchedules(db, active, now),
    careOverrides(
      db,
      active.map((p) => p.id),
    ),
  ]);
  const next = new Map(
    active.map((plant, i) => [
      plant.id,
      wateringIsOff(overrides[i] ?? []) ? null : (schedules[i]?.nextWateringAt ?? null),
    ]),
  );
  return plants.map((plant) => next.get(plant.id) ?? null);
}
