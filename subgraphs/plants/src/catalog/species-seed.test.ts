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
