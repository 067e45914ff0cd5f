/** Feeds a stored plant, its species, care log and settings and owner profile to the pure care-task maths. */
import type { CareTask } from '../__generated__/resolvers-types.js';
import type { CareOverride, IndoorPlant, UserPlant } from '../db/client.js';
import type { Profile } from '../db/user-profiles.js';
import type { WateringSchedule } from '../schedule/types.js';
import { type CareFactor, OTHER_CARE_TASKS } from './care-rules.js';
import { computeCareTask, type CareTaskSchedule } from './care-task.js';

/** One task's status as UserPlant.careSchedule returns it. */
export type CareTaskStatusView = Omit<CareTaskSchedule, 'task' | 'timeZone' | 'season'> & { task: CareTask };

/** The enabled tasks other than watering, in OTHER_CARE_TASKS order. */
export function otherCareSchedules(
  plant: Pick<UserPlant, 'potSize' | 'acquiredOn' | 'createdAt'>,
  species: IndoorPlant | null,
  latest: ReadonlyMap<CareTask, Date>,
  overrides: readonly CareOverride[],
  profile: Profile,
  now: Date,
): CareTaskSchedule[] {
  return OTHER_CARE_TASKS.flatMap((task) => {
    const schedule = computeCareTask(
      {
        task,
        species,
        potSize: plant.potSize,
        override: overrides.find((o) => o.task === task) ?? null,
        lastDoneAt: latest.get(task) ?? null,
        // A plant acquired before it was added has been in its owner's care since then.
        since: plant.acquiredOn ?? plant.createdAt,
        hemisphere: profile.hemisphere,
        timeZone: profile.timezone,
      },
      now,
    );
    return schedule ? [schedule] : [];
  });
}

/** Whether the owner turned watering off for the plant (a WATER setting, enabled false). */
export const wateringIsOff = (overrides: readonly Pick<CareOverride, 'task' | 'enabled'>[]): boolean =>
  overrides.some((o) => o.task === 'WATER' && !o.enabled);

/** The watering schedule read as a care task: its factors become care factors (the names are shared). */
export function wateringAsCareTask(schedule: WateringSchedule): CareTaskStatusView {
  const factors: CareFactor[] =
    schedule.source === 'CUSTOM'
      ? [{ name: 'OVERRIDE', factor: 1, reason: `Your own interval: every ${schedule.intervalDays} days` }]
      : [
          {
            name: 'SPECIES',
            factor: 1,
            reason: `Species base: water every ${schedule.baseIntervalDays} days in spring`,
          },
          ...schedule.factors,
          ...(schedule.rhythm
            ? [
                {
                  name: 'RHYTHM' as const,
                  factor: 1,
                  reason: `You water about every ${schedule.rhythm.averageIntervalDays} days; moved toward it (±30 %)`,
                },
              ]
            : []),
        ];
  return {
    task: 'WATER',
    lastDoneAt: schedule.lastWateredAt,
    intervalDays: schedule.intervalDays,
    source: schedule.source,
    dueDate: schedule.nextWateringAt,
    daysUntilDue: schedule.status.daysUntilDue,
    urgency: schedule.status.urgency,
    paused: false,
    factors,
  };
}
