/** Feeds a stored plant, its species, recent waterings and owner profile to the pure schedule maths. */
import type { IndoorPlant, UserPlant, Watering } from '../db/client.js';
import type { Profile } from '../db/user-profiles.js';
import { RHYTHM_RULES } from './rhythm.js';
import { computeWateringSchedule } from './schedule.js';
import type { WateringSchedule } from './types.js';

/**
 * Waterings the schedule looks at: the rhythm uses the last 5 intervals (6 waterings) after collapsing double-logged
 * ones, so twice that leaves room for duplicates without reading a plant's whole history.
 */
export const RECENT_WATERINGS = (RHYTHM_RULES.maxIntervals + 1) * 2;

export function plantSchedule(
  plant: UserPlant,
  species: IndoorPlant | null,
  recentWaterings: readonly Watering[],
  profile: Profile,
  now: Date,
): WateringSchedule {
  return computeWateringSchedule(
    {
      speciesBaseIntervalDays: species?.baseWateringIntervalDays ?? null,
      customIntervalDays: plant.customWateringIntervalDays,
      potSize: plant.potSize,
      potMaterial: plant.potMaterial,
      soil: plant.soil,
      light: plant.lightExposure,
      roomTemperatureC: plant.roomTemperatureC,
      hemisphere: profile.hemisphere,
      timeZone: profile.timezone,
      waterings: recentWaterings.map((w) => w.wateredAt),
      snooze: { snoozedUntil: plant.snoozedUntil, snoozedAt: plant.snoozedAt },
    },
    now,
  );
}
