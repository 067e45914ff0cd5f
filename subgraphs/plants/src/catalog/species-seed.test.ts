import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { $Enums } from '../db/client.js';
import { parseSpeciesSeed, SPECIES_SEED, type SpeciesSeed } from './species-seed.js';

const byName = (name: string): SpeciesSeed => {
  const species = SPECIES_SEED.find((s) => s.scientificName === name);
  if (!species) throw new Error(`missing species ${name}`);
  return species;
};

const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim().length > 0;

describe('SPECIES_SEED', () => {
  it('has at least 40 species', () => {
    expect(SPECIES_SEED.length).toBeGreaterThanOrEqual(40);
  });

  it('has unique scientific names, case-insensitively', () => {
    const names = SPECIES_SEED.map((s) => s.scientificName.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(SPECIES_SEED.map((s) => [s.scientificName, s] as const))('%s has complete, in-range data', (_, s) => {
    expect(s.scientificName).toMatch(/^[A-Z][a-z]+ (× )?[a-z]+(-[a-z]+)?$/);
    expect(s.commonNames.length).toBeGreaterThanOrEqual(1);
    expect(s.commonNames.every(nonEmpty)).toBe(true);
    expect(new Set(s.commonNames).size).toBe(s.commonNames.length);
    for (const text of [s.family, s.origin, s.soil, s.adultSize, s.careNotes]) expect(nonEmpty(text)).toBe(true);
    expect(s.family).toMatch(/aceae$/);
    expect(Object.values($Enums.Difficulty)).toContain(s.difficulty);
    expect(Object.values($Enums.LightExposure)).toContain(s.lightNeed);
    expect(Object.values($Enums.HumidityNeed)).toContain(s.humidityNeed);
    expect(Object.values($Enums.GrowthRate)).toContain(s.growthRate);
    expect(Number.isInteger(s.baseWateringIntervalDays)).toBe(true);
    expect(s.baseWateringIntervalDays).toBeGreaterThanOrEqual(1);
    expect(s.baseWateringIntervalDays).toBeLessThanOrEqual(60);
    expect(Number.isFinite(s.minTemperatureC) && Number.isFinite(s.maxTemperatureC)).toBe(true);
    expect(s.minTemperatureC).toBeLessThan(s.maxTemperatureC);
    expect(s.minTemperatureC).toBeGreaterThanOrEqual(0);
    expect(s.maxTemperatureC).toBeLessThanOrEqual(40);
    for (const flag of [s.toxicToPets, s.toxicToHumans, s.airPurifying, s.flowering])
      expect(typeof flag).toBe('boolean');
    const sentences = s.careNotes.split(/[.!?](?:\s|$)/).filter((part) => part.trim() !== '');
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(3);
  });

  it('uses currently accepted names and keeps the old ones searchable', () => {
    expect(byName('Dracaena trifasciata').commonNames).toContain('Sansevieria trifasciata');
    expect(byName('Goeppertia orbifolia').commonNames).toContain('Calathea orbifolia');
    expect(byName('Curio rowleyanus').commonNames).toContain('Senecio rowleyanus');
  });

  it.each([
    ['Monstera deliciosa', true],
    ['Epipremnum aureum', true],
    ['Zamioculcas zamiifolia', true],
    ['Spathiphyllum wallisii', true],
    ['Dieffenbachia seguine', true],
    ['Aloe vera', true],
    ['Crassula ovata', true],
    ['Chlorophytum comosum', false],
    ['Goeppertia orbifolia', false],
    ['Maranta leuconeura', false],
    ['Chamaedorea elegans', false],
    ['Nephrolepis exaltata', false],
    ['Peperomia obtusifolia', false],
    ['Streptocarpus ionanthus', false],
    ['Haworthiopsis attenuata', false],
    ['Schlumbergera truncata', false],
    ['Beaucarnea recurvata', false],
    ['Chrysalidocarpus lutescens', false],
  ] as const)('%s toxicToPets is %s (ASPCA)', (name, toxic) => {
    expect(byName(name).toxicToPets).toBe(toxic);
  });

  it('has realistic watering intervals for well-known plants', () => {
    expect(byName('Dracaena trifasciata').baseWateringIntervalDays).toBe(14);
    expect(byName('Epipremnum aureum').baseWateringIntervalDays).toBe(7);
    expect(byName('Nephrolepis exaltata').baseWateringIntervalDays).toBeLessThanOrEqual(5);
    expect(byName('Opuntia microdasys').baseWateringIntervalDays).toBeGreaterThanOrEqual(14);
  });

  it('is checked when loaded: a misspelt value or field names the entry and the field', () => {
    const valid = byName('Monstera deliciosa');
    expect(() => parseSpeciesSeed([valid, { ...valid, difficulty: 'TRIVIAL' }], 'species.json')).toThrow(
      /species\.json is invalid:[\s\S]*\[1\]\.difficulty/,
    );
    expect(() => parseSpeciesSeed([{ ...valid, wateringDays: 7 }], 'species.json')).toThrow(/wateringDays/);
    expect(() => parseSpeciesSeed([{ ...valid, commonNames: [] }], 'species.json')).toThrow(/commonNames/);
    expect(parseSpeciesSeed([valid], 'species.json')).toEqual([valid]);
  });
});

/** The care_tasks migration's backfill of species seeded before care tasks: `{ scientificName: { column: value } }`. */
function migrationBackfill(): Map<string, Record<string, number | boolean | null>> {
  const file = new URL('../../../../prisma/plants/migrations/20261128152307_care_tasks/migration.sql', import.meta.url);
  const sql = readFileSync(fileURLToPath(file), 'utf8');
  const rows = new Map<string, Record<string, number | boolean | null>>();
  for (const [, sets = '', name = ''] of sql.matchAll(
    /^UPDATE "IndoorPlant" SET (.+) WHERE "scientificName" = '([^']+)'/gm,
  )) {
    const values = [...sets.matchAll(/"(\w+)" = (\w+)/g)].map(([, column = '', raw = '']) => {
      const value = raw === 'NULL' ? null : raw === 'true' ? true : raw === 'false' ? false : Number(raw);
      return [column, value] as const;
    });
    rows.set(name, Object.fromEntries(values));
  }
  return rows;
}

const CARE_FIELDS = [
  'fertilizeIntervalDays',
  'fertilizePausesInDormancy',
  'repotIntervalMonths',
  'mistIntervalDays',
  'pruneIntervalDays',
  'rotateIntervalDays',
  'cleanLeavesIntervalDays',
] as const;

describe('SPECIES_SEED care defaults', () => {
  const between = (value: number | null, min: number, max: number) =>
    value === null || (Number.isInteger(value) && value >= min && value <= max);

  it.each(SPECIES_SEED.map((s) => [s.scientificName, s] as const))('%s has sane care defaults', (_, s) => {
    // Every species is fed and repotted; how often stays within what houseplant guidance gives.
    expect(s.fertilizeIntervalDays).not.toBeNull();
    expect(between(s.fertilizeIntervalDays, 7, 60)).toBe(true);
    expect(s.repotIntervalMonths).not.toBeNull();
    expect(between(s.repotIntervalMonths, 6, 60)).toBe(true);
    // Misting is for species that want humid air, and then every few days.
    expect(s.mistIntervalDays !== null).toBe(s.humidityNeed === 'HIGH');
    expect(between(s.mistIntervalDays, 1, 7)).toBe(true);
    expect(between(s.pruneIntervalDays, 30, 365)).toBe(true);
    expect(between(s.rotateIntervalDays, 7, 60)).toBe(true);
    expect(between(s.cleanLeavesIntervalDays, 14, 120)).toBe(true);
  });

  it('is what the care_tasks migration backfills on databases seeded before care tasks', () => {
    const backfill = migrationBackfill();
    expect([...backfill.keys()].sort()).toEqual(SPECIES_SEED.map((s) => s.scientificName).sort());
    for (const s of SPECIES_SEED) {
      const expected = Object.fromEntries(CARE_FIELDS.map((field) => [field, s[field]]));
      expect({ name: s.scientificName, ...backfill.get(s.scientificName) }).toEqual({
        name: s.scientificName,
        ...expected,
      });
    }
  });
});
