/**
 * The species catalog's seed: common houseplants with care data for indoor conditions, kept as data in species.json
 * and validated when loaded, so a bad edit stops the service at start-up with the entry and field named.
 *
 * Conventions:
 * - `scientificName` is the currently accepted name (POWO); widely used older names are listed in
 *   `commonNames` so search by e.g. "Sansevieria" still finds the plant.
 * - `baseWateringIntervalDays` is a typical interval indoors in spring, in a medium plastic pot
 *   of the usual substrate, medium light, 16–24 °C. The schedule applies season/pot/light factors.
 * - `lightNeed` uses the values of a plant's spot (LightExposure), so a spot can be compared with the need.
 * - `toxicToPets` follows the ASPCA toxic/non-toxic plant lists (cats and dogs); where a plant is
 *   not listed, it follows the known toxic principle of the genus (e.g. calcium oxalate in aroids).
 * - `toxicToHumans`: ingestion or sap causes symptoms (even mild); not a medical reference.
 * - `airPurifying`: the species or its tested genus appears in the NASA/ALCA Clean Air Study
 *   (Wolverton et al. 1984/1989) or Wolverton's follow-up list. Real-room effects are small.
 * - `flowering`: flowers reliably indoors with ordinary care.
 * - Care-task defaults (`fertilizeIntervalDays` … `cleanLeavesIntervalDays`): general RHS and university-extension
 *   houseplant guidance, summarised with its sources in care/CARE-FORMULA.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { $Enums } from '../db/client.js';

const text = z.string().regex(/\S/, 'Must not be blank');

/** One species as the catalog stores it (the enums are the Prisma schema's). */
const speciesSeedSchema = z.strictObject({
  scientificName: text,
  commonNames: z.array(text).min(1),
  family: text,
  origin: text,
  difficulty: z.enum($Enums.Difficulty),
  baseWateringIntervalDays: z.int().min(1).max(60),
  lightNeed: z.enum($Enums.LightExposure),
  humidityNeed: z.enum($Enums.HumidityNeed),
  minTemperatureC: z.number(),
  maxTemperatureC: z.number(),
  soil: text,
  adultSize: text,
  growthRate: z.enum($Enums.GrowthRate),
  toxicToPets: z.boolean(),
  toxicToHumans: z.boolean(),
  airPurifying: z.boolean(),
  flowering: z.boolean(),
  careNotes: text,
  // Care-task defaults (see care/CARE-FORMULA.md for the sources and how they are used).
  fertilizeIntervalDays: z.int().min(1).max(365).nullable(),
  fertilizePausesInDormancy: z.boolean(),
  repotIntervalMonths: z.int().min(1).max(120).nullable(),
  mistIntervalDays: z.int().min(1).max(365).nullable(),
  pruneIntervalDays: z.int().min(1).max(365).nullable(),
  rotateIntervalDays: z.int().min(1).max(365).nullable(),
  cleanLeavesIntervalDays: z.int().min(1).max(365).nullable(),
});

export type SpeciesSeed = z.infer<typeof speciesSeedSchema>;

const SEED_FILE = fileURLToPath(new URL('species.json', import.meta.url));

/** Checks seed data; throws naming the source, the entry and the field when it is malformed. */
export function parseSpeciesSeed(data: unknown, source: string): readonly SpeciesSeed[] {
  const parsed = z.array(speciesSeedSchema).safeParse(data);
  if (!parsed.success) throw new Error(`${source} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const SPECIES_SEED = parseSpeciesSeed(JSON.parse(readFileSync(SEED_FILE, 'utf8')), SEED_FILE);
