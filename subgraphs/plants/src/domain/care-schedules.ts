/**
 * Care tasks other than watering of stored plants outside a request (events, the reconciler, the seasonal-tips job,
 * recordCareForRoom): four statements however many plants, where a request uses its loaders instead.
 */
import type { CareTaskSchedule } from '../care/care-task.js';
import { otherCareSchedules } from '../care/plant-care.js';
import { careOverrides, latestCare } from '../db/care-queries.js';
import type { PlantsDb, UserPlant } from '../db/client.js';
import { defaultProfile, readProfiles } from '../db/user-profiles.js';

/** One task's next due time, as care-schedule events carry it. */
export interface OtherTaskDue {
  task: CareTaskSchedule['task'];
  dueAt: string;
}

/** Each plant's enabled tasks other than watering at `now`, in order; none for archived plants (which cost no reads). */
export async function readOtherCareSchedules(
  db: PlantsDb,
  plants: readonly UserPlant[],
  now: Date,
): Promise<CareTaskSchedule[][]> {
  const active = plants.filter((plant) => !plant.archivedAt);
  if (active.length === 0) return plants.map(() => []);
  const ids = active.map((p) => p.id);
  const [species, latest, overrides, profiles] = await Promise.all([
    db.indoorPlant.findMany({ where: { id: { in: [...new Set(active.map((p) => p.plantId))] } } }),
    latestCare(db, ids),
    careOverrides(db, ids),
    readProfiles(db, [...new Set(active.map((p) => p.userId))]),
  ]);
  const speciesById = new Map(species.map((s) => [s.id, s]));
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const byPlant = new Map(
    active.map((plant, i) => [
      plant.id,
      otherCareSchedules(
        plant,
        speciesById.get(plant.plantId) ?? null,
        latest[i] ?? new Map(),
        overrides[i] ?? [],
        profileOf.get(plant.userId) ?? defaultProfile(plant.userId),
        now,
      ),
    ]),
  );
  return plants.map((plant) => byPlant.get(plant.id) ?? []);
}

/** What an event says about the other tasks: task and due time, in OTHER_CARE_TASKS order. */
const otherTasksOf = (schedules: readonly CareTaskSchedule[]): OtherTaskDue[] =>
  schedules.map((s) => ({ task: s.task, dueAt: s.dueDate.toISOString() }));

/** Each plant's other tasks as an event carries them, in order. */
export async function readOtherTasks(db: PlantsDb, plants: readonly UserPlant[], now: Date): Promise<OtherTaskDue[][]> {
  return (await readOtherCareSchedules(db, plants, now)).map(otherTasksOf);
}
