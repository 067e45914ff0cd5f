/** How care tasks are planned per plant (setCareTask) and a room's due task done at once (recordCareForRoom). */
import { badInput } from '@bloomzy/shared/errors';
import { calendarDaysBetween } from '@bloomzy/shared/time-zone';
import type { CareTask, SetCareTaskInput } from '../__generated__/resolvers-types.js';
import { careRules } from '../care/care-rules.js';
import type { CareLogRow } from '../db/care-queries.js';
import type { UserPlant } from '../db/client.js';
import { SCHEDULE_VERSION_BUMP } from '../db/schedule-publication.js';
import { readProfiles } from '../db/user-profiles.js';
import { publishCareSchedule } from '../events/care-schedule-events.js';
import type { PlantsRuntime } from '../runtime.js';
import { ownedPlant, requireActive } from './access.js';
import { recordCareMany, wateringAsCareLog } from './care-log.js';
import { readOtherCareSchedules } from './care-schedules.js';
import { readNextWaterings } from './plant-schedules.js';
import { optionalInt, pastOrNow, requiredText } from './validation.js';
import { waterPlants } from './waterings.js';

/** About four years, the longest interval the care formula plans. */
const MAX_CARE_INTERVAL_DAYS = 1500;
const LOCATION_MAX = 100;

/**
 * Stores the owner's setting for one task. Back to the defaults (enabled, no interval) removes the setting. A change
 * moves the task's due date, so it bumps the plant's schedule version and publishes CARE_CHANGED.
 *
 * WATER can only be turned off or on: its interval has its own field (customWateringIntervalDays), which the watering
 * formula and its rhythm already use. Off, its event carries no next watering, so notifications drops the reminder.
 */
export async function setCareTask(runtime: PlantsRuntime, userId: string, input: SetCareTaskInput): Promise<UserPlant> {
  const { task } = input;
  if (task === 'WATER' && input.intervalDays != null) {
    throw badInput('input.intervalDays', "Watering's interval is customWateringIntervalDays (updateUserPlant)");
  }
  const intervalDays = optionalInt(input.intervalDays, 1, MAX_CARE_INTERVAL_DAYS, 'input.intervalDays') ?? null;
  const enabled = input.enabled ?? true;
  const plant = await ownedPlant(runtime, userId, input.userPlantId);
  requireActive(plant, 'input.userPlantId');
  if (task !== 'WATER' && enabled && intervalDays === null) {
    const species = await runtime.db.indoorPlant.findUnique({ where: { id: plant.plantId } });
    const planned = careRules[task].interval(species ?? {}, {
      season: 'SPRING',
      hemisphere: 'NORTHERN',
      potSize: null,
    });
    if (!planned) throw badInput('input.intervalDays', `This species has no default for ${task}: give an interval`);
  }
  const key = { userPlantId_task: { userPlantId: plant.id, task } };
  const isDefault = enabled && intervalDays === null;
  await runtime.db.$transaction([
    isDefault
      ? runtime.db.careOverride.deleteMany({ where: { userPlantId: plant.id, task } })
      : runtime.db.careOverride.upsert({
          where: key,
          create: { userPlantId: plant.id, task, intervalDays, enabled },
          update: { intervalDays, enabled },
        }),
    runtime.db.userPlant.update({ where: { id: plant.id }, data: SCHEDULE_VERSION_BUMP }),
  ]);
  await publishCareSchedule(runtime, [plant.id], 'CARE_CHANGED');
  return plant;
}

/**
 * Logs `task` for every active plant of the user in `location` (case-insensitive, exact) for which it is enabled and
 * due today or overdue in the user's calendar. WATER goes through waterPlants (all or nothing, ends snoozes).
 */
export async function recordCareForRoom(
  runtime: PlantsRuntime,
  userId: string,
  locationInput: string,
  task: CareTask,
  doneAtInput: Date | null | undefined,
): Promise<CareLogRow[]> {
  const location = requiredText(locationInput, 1, LOCATION_MAX, 'location');
  const now = runtime.clock.now();
  const doneAt = pastOrNow(doneAtInput, now, 'doneAt');
  const plants = await runtime.db.userPlant.findMany({
    where: { userId, archivedAt: null, location: { equals: location, mode: 'insensitive' } },
    orderBy: { createdAt: 'asc' },
  });
  if (plants.length === 0) return [];
  const [profile] = await readProfiles(runtime.db, [userId]);
  const zone = profile?.timezone ?? 'UTC';
  const dueBy = (at: Date | null | undefined) => at != null && calendarDaysBetween(now, at, zone) <= 0;
  if (task === 'WATER') {
    const next = await readNextWaterings(runtime.db, plants, now);
    const due = plants.filter((_, i) => dueBy(next[i]));
    if (due.length === 0) return [];
    const waterings = await waterPlants(
      runtime,
      userId,
      due.map((p) => p.id),
      doneAt,
    );
    return waterings.map(wateringAsCareLog);
  }
  const schedules = await readOtherCareSchedules(runtime.db, plants, now);
  const due = plants.filter((_, i) => dueBy(schedules[i]?.find((s) => s.task === task)?.dueDate));
  return recordCareMany(
    runtime,
    due.map((p) => p.id),
    task,
    doneAt,
  );
}
