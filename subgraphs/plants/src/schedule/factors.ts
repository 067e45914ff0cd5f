/**
 * Environmental factors that stretch (> 1) or shorten (< 1) the species base interval.
 *
 * Each factor answers "how fast does the root ball dry out here compared with a medium plastic
 * pot of standard potting mix, in medium light, at 16–24 °C?" — the conditions the species base
 * interval assumes. Missing or unknown values are neutral (1.0) so incomplete plants still work.
 */
import type { WateringFactorName } from '../__generated__/resolvers-types.js';
import type { LightExposure, PotMaterial, PotSize, SoilType } from '../db/client.js';
import { finiteOrNull } from './numbers.js';
import type { ScheduleFactor } from './types.js';

export interface FactorEntry {
  factor: number;
  reason: string;
}

/** Less soil volume per leaf area dries faster; big pots hold a reservoir that lasts longer. */
export const POT_SIZE_FACTORS: Readonly<Record<PotSize, FactorEntry>> = {
  SMALL: { factor: 0.85, reason: 'Small pot (< 12 cm): little soil, dries out fast' },
  MEDIUM: { factor: 1.0, reason: 'Medium pot (12–20 cm): reference size' },
  LARGE: { factor: 1.15, reason: 'Large pot (20–30 cm): more soil holds water longer' },
  XLARGE: { factor: 1.25, reason: 'Extra-large pot (> 30 cm): large soil volume stays moist longest' },
};

/** Porous/breathable walls lose water through the sides; glazed and sealed walls don't. */
export const POT_MATERIAL_FACTORS: Readonly<Record<PotMaterial, FactorEntry>> = {
  TERRACOTTA: { factor: 0.85, reason: 'Terracotta: porous walls wick and evaporate water, dries fast' },
  PLASTIC: { factor: 1.0, reason: 'Plastic: non-porous, reference material' },
  CERAMIC_GLAZED: { factor: 1.05, reason: 'Glazed ceramic: sealed, heavy walls keep soil moist slightly longer' },
  METAL: { factor: 1.0, reason: 'Metal: non-porous like plastic' },
  GLASS: { factor: 1.1, reason: 'Glass: sealed and usually without drainage, water lingers' },
  FABRIC: { factor: 0.8, reason: 'Fabric grow bag: air flows through the sides, dries fastest' },
  OTHER: { factor: 1.0, reason: 'Other material: assumed neutral' },
};

/**
 * Substrate water retention. A gritty or chunky mix drains and dries faster, so the "let it dry"
 * point arrives sooner → shorter interval. The species base interval already encodes how dry a
 * plant likes to get (cacti 14–21 d), so a cactus mix does not make cacti thirstier in absolute
 * terms; it only shortens the wait until the mix is dry again. Peat/coir/sphagnum-heavy mixes
 * hold water and stretch the interval.
 */
export const SOIL_FACTORS: Readonly<Record<SoilType, FactorEntry>> = {
  STANDARD: { factor: 1.0, reason: 'Standard potting mix: reference substrate' },
  CACTUS_MIX: { factor: 0.9, reason: 'Cactus/succulent mix: gritty and fast-draining, dries sooner' },
  AROID_MIX: { factor: 0.95, reason: 'Chunky aroid mix (bark, perlite): airy, dries a little faster' },
  ORCHID_BARK: { factor: 0.8, reason: 'Orchid bark: very open, holds little water' },
  MOISTURE_RETENTIVE: { factor: 1.15, reason: 'Moisture-retentive mix (peat, coir, sphagnum): stays wet longer' },
  OTHER: { factor: 1.0, reason: 'Other substrate: assumed neutral' },
};

/** Light drives photosynthesis and transpiration: more light, more water used. */
export const LIGHT_FACTORS: Readonly<Record<LightExposure, FactorEntry>> = {
  LOW: { factor: 1.2, reason: 'Low light: slow growth and little transpiration, soil stays moist' },
  MEDIUM: { factor: 1.0, reason: 'Medium light: reference exposure' },
  BRIGHT_INDIRECT: { factor: 0.9, reason: 'Bright indirect light: active growth uses more water' },
  DIRECT: { factor: 0.8, reason: 'Direct sun: high transpiration and evaporation, dries fast' },
};

/** Temperature bands (°C): below 16 cool, 16–24 inclusive reference, above 24 warm. */
export const TEMPERATURE_BANDS = { coolBelowC: 16, warmAboveC: 24, coolFactor: 1.15, warmFactor: 0.9 } as const;

function neutral(name: WateringFactorName, reason: string): ScheduleFactor {
  return { name, factor: 1, reason };
}

/** The table's entry for `value`; the table has one entry per enum value (its type says so), so it also tells which values are known. */
function lookup<T extends string>(
  name: WateringFactorName,
  label: string,
  table: Readonly<Record<T, FactorEntry>>,
  value: unknown,
): ScheduleFactor {
  if (value === null || value === undefined) return neutral(name, `${label} not set: assumed neutral`);
  if (typeof value !== 'string' || !Object.hasOwn(table, value))
    return neutral(name, `Unknown ${label.toLowerCase()} ${JSON.stringify(value)}: assumed neutral`);
  const entry = table[value as T];
  return { name, factor: entry.factor, reason: entry.reason };
}

export function potSizeFactor(potSize: PotSize | null | undefined): ScheduleFactor {
  return lookup('POT_SIZE', 'Pot size', POT_SIZE_FACTORS, potSize);
}

export function potMaterialFactor(material: PotMaterial | null | undefined): ScheduleFactor {
  return lookup('POT_MATERIAL', 'Pot material', POT_MATERIAL_FACTORS, material);
}

export function soilFactor(soil: SoilType | null | undefined): ScheduleFactor {
  return lookup('SOIL', 'Soil', SOIL_FACTORS, soil);
}

export function lightFactor(light: LightExposure | null | undefined): ScheduleFactor {
  return lookup('LIGHT', 'Light', LIGHT_FACTORS, light);
}

/** Cool rooms slow evaporation and growth; warm rooms speed both up. */
export function temperatureFactor(roomTemperatureC: number | null | undefined): ScheduleFactor {
  const celsius = finiteOrNull(roomTemperatureC);
  if (celsius === null) return neutral('TEMPERATURE', 'Room temperature not set: assumed neutral');
  const { coolBelowC, warmAboveC, coolFactor, warmFactor } = TEMPERATURE_BANDS;
  const shown = `${Math.round(celsius * 10) / 10} °C`;
  if (celsius < coolBelowC) {
    return {
      name: 'TEMPERATURE',
      factor: coolFactor,
      reason: `Cool room (${shown} < ${coolBelowC} °C): slower evaporation`,
    };
  }
  if (celsius > warmAboveC) {
    return {
      name: 'TEMPERATURE',
      factor: warmFactor,
      reason: `Warm room (${shown} > ${warmAboveC} °C): faster evaporation`,
    };
  }
  return {
    name: 'TEMPERATURE',
    factor: 1,
    reason: `Room temperature ${shown} (${coolBelowC}–${warmAboveC} °C): reference range`,
  };
}
