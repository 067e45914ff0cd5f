import { describe, expect, it } from 'vitest';
import type { LightExposure, PotMaterial, PotSize, SoilType } from '../db/client.js';
import { lightFactor, potMaterialFactor, potSizeFactor, soilFactor, temperatureFactor } from './factors.js';

describe('potSizeFactor', () => {
  it.each([
    ['SMALL', 0.85],
    ['MEDIUM', 1],
    ['LARGE', 1.15],
    ['XLARGE', 1.25],
  ] as [PotSize, number][])('%s → %d', (size, factor) => {
    expect(potSizeFactor(size)).toMatchObject({ name: 'POT_SIZE', factor });
  });
});

describe('potMaterialFactor', () => {
  it.each([
    ['TERRACOTTA', 0.85],
    ['PLASTIC', 1],
    ['CERAMIC_GLAZED', 1.05],
    ['METAL', 1],
    ['GLASS', 1.1],
    ['FABRIC', 0.8],
    ['OTHER', 1],
  ] as [PotMaterial, number][])('%s → %d', (material, factor) => {
    expect(potMaterialFactor(material)).toMatchObject({ name: 'POT_MATERIAL', factor });
  });
});

describe('soilFactor', () => {
  it.each([
    ['STANDARD', 1],
    ['CACTUS_MIX', 0.9],
    ['AROID_MIX', 0.95],
    ['ORCHID_BARK', 0.8],
    ['MOISTURE_RETENTIVE', 1.15],
    ['OTHER', 1],
  ] as [SoilType, number][])('%s → %d', (soil, factor) => {
    expect(soilFactor(soil)).toMatchObject({ name: 'SOIL', factor });
  });
});

describe('lightFactor', () => {
  it.each([
    ['LOW', 1.2],
    ['MEDIUM', 1],
    ['BRIGHT_INDIRECT', 0.9],
    ['DIRECT', 0.8],
  ] as [LightExposure, number][])('%s → %d', (light, factor) => {
    expect(lightFactor(light)).toMatchObject({ name: 'LIGHT', factor });
  });
});

describe('temperatureFactor', () => {
  it.each([
    [5, 1.15],
    [15.9, 1.15],
    [16, 1],
    [20, 1],
    [24, 1],
    [24.1, 0.9],
    [30, 0.9],
  ])('%d °C → %d', (celsius, factor) => {
    expect(temperatureFactor(celsius)).toMatchObject({ name: 'TEMPERATURE', factor });
  });

  it('explains the band', () => {
    expect(temperatureFactor(12).reason).toBe('Cool room (12 °C < 16 °C): slower evaporation');
  });
});

describe('missing and unknown values are neutral', () => {
  it('returns factor 1 with an explanation when a value is not set', () => {
    for (const factor of [
      potSizeFactor(null),
      potMaterialFactor(undefined),
      soilFactor(null),
      lightFactor(undefined),
      temperatureFactor(null),
    ]) {
      expect(factor.factor).toBe(1);
      expect(factor.reason).toMatch(/not set/);
    }
  });

  it('returns factor 1 for values outside the enums or non-finite temperatures', () => {
    expect(potSizeFactor('HUGE' as PotSize)).toMatchObject({
      factor: 1,
      reason: 'Unknown pot size "HUGE": assumed neutral',
    });
    expect(soilFactor(42 as unknown as SoilType).factor).toBe(1);
    expect(lightFactor('toString' as LightExposure).factor).toBe(1);
    expect(temperatureFactor(Number.NaN).factor).toBe(1);
    expect(temperatureFactor(Number.POSITIVE_INFINITY).factor).toBe(1);
    expect(temperatureFactor('warm' as unknown as number).factor).toBe(1);
  });
});
