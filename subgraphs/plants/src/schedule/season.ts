/**
 * Meteorological seasons and their watering factor.
 *
 * Plants drink with growth and evaporation: longer days and warmer air in summer dry the pot out
 * faster, while in winter growth slows (many species go semi-dormant) and soil stays wet longer,
 * which is when over-watering and root rot happen. Species base intervals are given for spring.
 */
import { localDate } from '@bloomzy/shared/time-zone';
import type { Season } from '../__generated__/resolvers-types.js';
import type { Hemisphere, ScheduleFactor } from './types.js';

/** Every hemisphere (the type makes the list complete), to recognise stored values. */
const HEMISPHERES = { NORTHERN: true, SOUTHERN: true } as const satisfies Record<Hemisphere, true>;

const DEFAULT_HEMISPHERE: Hemisphere = 'NORTHERN';

export const SEASON_FACTORS: Readonly<Record<Season, number>> = {
  SPRING: 0.9,
  SUMMER: 0.8,
  AUTUMN: 1.1,
  WINTER: 1.3,
};

export const SEASON_REASONS: Readonly<Record<Season, string>> = {
  SPRING: 'active growth resumes, water a little more often',
  SUMMER: 'peak growth and evaporation, soil dries fastest',
  AUTUMN: 'growth slows as days shorten, soil dries slower',
  WINTER: 'growth slows, soil dries slower',
};

const SEASON_LABELS: Readonly<Record<Season, string>> = {
  SPRING: 'Spring',
  SUMMER: 'Summer',
  AUTUMN: 'Autumn',
  WINTER: 'Winter',
};

/** Northern-hemisphere season for a month 1–12 (Mar–May spring, Jun–Aug summer, …). */
function northernSeason(month: number): Season {
  if (month >= 3 && month <= 5) return 'SPRING';
  if (month >= 6 && month <= 8) return 'SUMMER';
  if (month >= 9 && month <= 11) return 'AUTUMN';
  return 'WINTER';
}

/** Any unknown hemisphere value falls back to NORTHERN (where most users are). */
export function resolveHemisphere(hemisphere: unknown): Hemisphere {
  return typeof hemisphere === 'string' && Object.hasOwn(HEMISPHERES, hemisphere)
    ? (hemisphere as Hemisphere)
    : DEFAULT_HEMISPHERE;
}

/** Season for a month (1–12); the southern hemisphere is shifted by six months. */
export function seasonForMonth(month: number, hemisphere: Hemisphere = DEFAULT_HEMISPHERE): Season {
  const shifted = resolveHemisphere(hemisphere) === 'SOUTHERN' ? ((month + 5) % 12) + 1 : month;
  return northernSeason(shifted);
}

/** Season at an instant, using the month as seen in the user's time zone. */
export function seasonAt(instant: Date, hemisphere: Hemisphere = DEFAULT_HEMISPHERE, timeZone = 'UTC'): Season {
  return seasonForMonth(localDate(instant, timeZone).month, hemisphere);
}

export function seasonFactor(season: Season, hemisphere: Hemisphere = DEFAULT_HEMISPHERE): ScheduleFactor {
  const where = resolveHemisphere(hemisphere) === 'SOUTHERN' ? 'southern' : 'northern';
  return {
    name: 'SEASON',
    factor: SEASON_FACTORS[season],
    reason: `${SEASON_LABELS[season]} (${where} hemisphere): ${SEASON_REASONS[season]}`,
  };
}
