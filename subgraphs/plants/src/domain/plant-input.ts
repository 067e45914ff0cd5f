/** Validation of a user's plant fields (add and update share the rules; update leaves omitted fields alone). */
import type { AddUserPlantInput, UpdateUserPlantInput } from '../__generated__/resolvers-types.js';
import type { Prisma } from '../db/client.js';
import {
  notNull,
  optionalHttpUrl,
  optionalInt,
  optionalNumber,
  optionalPast,
  optionalText,
  requiredText,
} from './validation.js';

export const NICKNAME_MAX = 100;
export const LOCATION_MAX = 100;
const NOTES_MAX = 2000;
/** Same bounds as the schedule's clamp: a custom interval outside them would be silently changed, so it is refused. */
const CUSTOM_INTERVAL_MIN_DAYS = 1;
const CUSTOM_INTERVAL_MAX_DAYS = 60;
/** Living-room range; anything outside is a typo (°F entered as °C) rather than a real spot. */
const ROOM_TEMPERATURE_MIN_C = -10;
const ROOM_TEMPERATURE_MAX_C = 50;

/** The fields shared by add and update, checked; undefined means "not given". */
export function plantFields(input: AddUserPlantInput | UpdateUserPlantInput, now: Date) {
  return {
    location: optionalText(input.location, LOCATION_MAX, 'input.location'),
    acquiredOn: optionalPast(input.acquiredOn, now, 'input.acquiredOn'),
    potSize: input.potSize,
    potMaterial: input.potMaterial,
    soil: input.soil,
    lightExposure: input.lightExposure,
    roomTemperatureC: optionalNumber(
      input.roomTemperatureC,
      ROOM_TEMPERATURE_MIN_C,
      ROOM_TEMPERATURE_MAX_C,
      'input.roomTemperatureC',
    ),
    healthStatus: notNull(input.healthStatus, 'input.healthStatus'),
    notes: optionalText(input.notes, NOTES_MAX, 'input.notes'),
    photoUrl: optionalHttpUrl(input.photoUrl, 'input.photoUrl'),
    customWateringIntervalDays: optionalInt(
      input.customWateringIntervalDays,
      CUSTOM_INTERVAL_MIN_DAYS,
      CUSTOM_INTERVAL_MAX_DAYS,
      'input.customWateringIntervalDays',
    ),
  } satisfies Prisma.UserPlantUncheckedUpdateInput;
}

/** A checked nickname; undefined when none is given (add then uses the species' first common name). */
export function nicknameOf(value: string | null | undefined): string | undefined {
  return value == null ? undefined : requiredText(value, 1, NICKNAME_MAX, 'input.nickname');
}
