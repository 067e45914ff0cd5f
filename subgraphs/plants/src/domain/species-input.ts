/** Validation of catalog species (admins' create and update share the rules). */
import { badInput } from '@bloomzy/shared/errors';
import type { CreateIndoorPlantInput, UpdateIndoorPlantInput } from '../__generated__/resolvers-types.js';
import { intInRange, notNull, numberInRange, optionalInt, requiredText } from './validation.js';

const MAX_COMMON_NAMES = 20;
/** Indoor plants: below −10 °C or above 50 °C is a unit mistake, not a tolerance. */
const TEMPERATURE_MIN_C = -10;
const TEMPERATURE_MAX_C = 50;

/** Lower-cased names the catalog search matches with one case-insensitive `contains`. */
export const searchTextOf = (scientificName: string, commonNames: readonly string[]) =>
  [scientificName, ...commonNames].join(' | ').toLowerCase();

function checkCommonNames(names: readonly string[], field = 'input.commonNames'): string[] {
  const cleaned = [...new Set(names.map((name) => requiredText(name, 1, 100, field)))];
  if (cleaned.length < 1 || cleaned.length > MAX_COMMON_NAMES)
    throw badInput(field, `Give 1–${MAX_COMMON_NAMES} common names`);
  return cleaned;
}

const temperature = (value: number, field: string) => numberInRange(value, TEMPERATURE_MIN_C, TEMPERATURE_MAX_C, field);

export function checkTemperatures(min: number, max: number): void {
  if (min > max) throw badInput('input.maxTemperatureC', 'Must not be below minTemperatureC');
}

/**
 * The care-task defaults, optional on create too: whole numbers in range, null clears (the task is then not planned for
 * the species). Plants of the species pick a change up at once; the schedule reconciler republishes their events.
 */
export function speciesCareFields(input: CreateIndoorPlantInput | UpdateIndoorPlantInput) {
  const days = (value: number | null | undefined, field: string, max = 365) =>
    optionalInt(value, 1, max, `input.${field}`);
  return {
    fertilizePausesInDormancy: notNull(input.fertilizePausesInDormancy, 'input.fertilizePausesInDormancy'),
    fertilizeIntervalDays: days(input.fertilizeIntervalDays, 'fertilizeIntervalDays'),
    repotIntervalMonths: days(input.repotIntervalMonths, 'repotIntervalMonths', 120),
    mistIntervalDays: days(input.mistIntervalDays, 'mistIntervalDays'),
    pruneIntervalDays: days(input.pruneIntervalDays, 'pruneIntervalDays'),
    rotateIntervalDays: days(input.rotateIntervalDays, 'rotateIntervalDays'),
    cleanLeavesIntervalDays: days(input.cleanLeavesIntervalDays, 'cleanLeavesIntervalDays'),
  };
}

/** Checked fields of an update; undefined = unchanged. Null is refused: every catalog field is required. */
export function speciesFields(input: CreateIndoorPlantInput | UpdateIndoorPlantInput) {
  const given = <T>(value: T | null | undefined, field: string) => notNull(value, `input.${field}`);
  const text = (value: string | null | undefined, field: string, min: number, max: number) => {
    const v = given(value, field);
    return v === undefined ? undefined : requiredText(v, min, max, `input.${field}`);
  };
  const commonNames = given(input.commonNames, 'commonNames');
  const interval = given(input.baseWateringIntervalDays, 'baseWateringIntervalDays');
  const minT = given(input.minTemperatureC, 'minTemperatureC');
  const maxT = given(input.maxTemperatureC, 'maxTemperatureC');
  return {
    scientificName: text(input.scientificName, 'scientificName', 3, 200),
    commonNames: commonNames === undefined ? undefined : checkCommonNames(commonNames),
    family: text(input.family, 'family', 1, 100),
    origin: text(input.origin, 'origin', 1, 200),
    difficulty: given(input.difficulty, 'difficulty'),
    baseWateringIntervalDays:
      interval === undefined ? undefined : intInRange(interval, 1, 60, 'input.baseWateringIntervalDays'),
    lightNeed: given(input.lightNeed, 'lightNeed'),
    humidityNeed: given(input.humidityNeed, 'humidityNeed'),
    minTemperatureC: minT === undefined ? undefined : temperature(minT, 'input.minTemperatureC'),
    maxTemperatureC: maxT === undefined ? undefined : temperature(maxT, 'input.maxTemperatureC'),
    soil: text(input.soil, 'soil', 1, 200),
    adultSize: text(input.adultSize, 'adultSize', 1, 200),
    growthRate: given(input.growthRate, 'growthRate'),
    toxicToPets: given(input.toxicToPets, 'toxicToPets'),
    toxicToHumans: given(input.toxicToHumans, 'toxicToHumans'),
    airPurifying: given(input.airPurifying, 'airPurifying'),
    flowering: given(input.flowering, 'flowering'),
    careNotes: text(input.careNotes, 'careNotes', 1, 2000),
  };
}
