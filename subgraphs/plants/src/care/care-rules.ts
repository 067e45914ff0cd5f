/**
 * Per-task rules of the care schedule: the species default each task starts from and the factors that stretch it.
 * CARE-FORMULA.md documents them (a test checks its tables against these values).
 */
import { CARE_TASKS, type CareTaskName } from '@bloomzy/shared/messaging/topics';
import type { CareFactorName, Season } from '../__generated__/resolvers-types.js';
import type { GrowthRate, IndoorPlant, PotSize } from '../db/client.js';
import { finiteOrNull } from '../schedule/numbers.js';
import type { Hemisphere } from '../schedule/types.js';

/** Every care task but watering, which keeps its own schedule (schedule/FORMULA.md). */
export type OtherCareTask = Exclude<CareTaskName, 'WATER'>;

/** In the contract's order (the order of care-schedule events' `otherTasks`). */
export const OTHER_CARE_TASKS: readonly OtherCareTask[] = CARE_TASKS.filter(
  (task): task is OtherCareTask => task !== 'WATER',
);

export type SpeciesCareDefaults = Partial<
  Pick<
    IndoorPlant,
    | 'fertilizeIntervalDays'
    | 'fertilizePausesInDormancy'
    | 'repotIntervalMonths'
    | 'mistIntervalDays'
    | 'pruneIntervalDays'
    | 'rotateIntervalDays'
    | 'cleanLeavesIntervalDays'
    | 'growthRate'
  >
>;

export interface CareFactor {
  name: CareFactorName;
  factor: number;
  reason: string;
}

interface RuleContext {
  season: Season;
  hemisphere: Hemisphere;
  potSize: PotSize | null;
}

interface CareRule {
  /** The computed interval in days with its factors, or null when the species has no (valid) default. */
  interval(species: SpeciesCareDefaults, context: RuleContext): { days: number; factors: CareFactor[] } | null;
  /** Why the task rests this season (the due date then waits for spring), or null. */
  rest?(species: SpeciesCareDefaults, season: Season): string | null;
}

/**
 * Feeding follows growth: full rate in spring and summer, spaced out as growth slows in autumn, and in winter either
 * stopped (resting species: fertilizer salts build up in soil that a resting plant does not use) or halved.
 */
export const FERTILIZE_SEASON_FACTORS: Readonly<Record<Season, number>> = {
  SPRING: 1,
  SUMMER: 1,
  AUTUMN: 1.5,
  WINTER: 2,
};

const FERTILIZE_SEASON_REASONS: Readonly<Record<Season, string>> = {
  SPRING: 'Spring: growing season, feed at the full rate',
  SUMMER: 'Summer: growing season, feed at the full rate',
  AUTUMN: 'Autumn: growth slows, feed less often',
  WINTER: 'Winter: little growth, feed half as often',
};

/** Repotting: a bigger pot holds more root room, so it lasts longer; a small one is outgrown sooner. */
export const REPOT_POT_FACTORS: Readonly<Record<PotSize, number>> = {
  SMALL: 0.75,
  MEDIUM: 1,
  LARGE: 1.5,
  XLARGE: 2,
};

const REPOT_POT_REASONS: Readonly<Record<PotSize, string>> = {
  SMALL: 'Small pot: roots fill it sooner',
  MEDIUM: 'Medium pot: reference size',
  LARGE: 'Large pot: more root room, repot less often',
  XLARGE: 'Extra-large pot: top-dress rather than repot, rarely moved on',
};

/**
 * Repotting when the species gives no interval (an admin-created species left it out): every plant outgrows its pot,
 * and how fast follows its growth rate — the same rule the seeded species' months were filled from.
 */
export const REPOT_GROWTH_MONTHS: Readonly<Record<GrowthRate, number>> = {
  FAST: 12,
  MODERATE: 24,
  SLOW: 36,
};

/** The species' repotting months and why: its own value, else its growth rate's, else null (not planned). */
function repotMonths(species: SpeciesCareDefaults): { months: number; reason: string } | null {
  const own = positive(species.repotIntervalMonths);
  if (own !== null) return { months: own, reason: `Species default: repot every ${own} months (growth rate)` };
  const rate = species.growthRate;
  if (!rate || !Object.hasOwn(REPOT_GROWTH_MONTHS, rate)) return null;
  const months = REPOT_GROWTH_MONTHS[rate];
  return { months, reason: `No species interval: repot every ${months} months (${rate.toLowerCase()} grower)` };
}

/** Average month length, so months convert to days the same way every year. */
const DAYS_PER_MONTH = 30.44;

const positive = (value: unknown): number | null => {
  const n = finiteOrNull(value);
  return n !== null && n > 0 ? n : null;
};

/** A task planned at the species' plain interval, no factors besides the species. */
function plainRule(pick: (s: SpeciesCareDefaults) => unknown, what: string): CareRule {
  return {
    interval(species) {
      const days = positive(pick(species));
      return days === null
        ? null
        : { days, factors: [{ name: 'SPECIES', factor: 1, reason: `Species default: ${what} every ${days} days` }] };
    },
  };
}

/** Unknown (missing) means the common case: houseplants rest in winter. */
function fertilizeRest(species: SpeciesCareDefaults, season: Season): string | null {
  return season === 'WINTER' && species.fertilizePausesInDormancy !== false
    ? 'Winter rest: no feeding until spring (the plant barely grows, unused fertilizer salts build up)'
    : null;
}

export const careRules: Readonly<Record<OtherCareTask, CareRule>> = {
  FERTILIZE: {
    interval(species, { season }) {
      const days = positive(species.fertilizeIntervalDays);
      if (days === null) return null;
      // A resting plant is not fed at all (see `rest`): its interval stays the growing season's, for spring.
      const resting = fertilizeRest(species, season);
      const factor = resting ? 1 : FERTILIZE_SEASON_FACTORS[season];
      return {
        days: days * factor,
        factors: [
          { name: 'SPECIES', factor: 1, reason: `Species default: feed every ${days} days in spring and summer` },
          { name: 'SEASON', factor, reason: resting ?? FERTILIZE_SEASON_REASONS[season] },
        ],
      };
    },
    rest: fertilizeRest,
  },
  REPOT: {
    interval(species, { potSize }) {
      const base = repotMonths(species);
      if (base === null) return null;
      const pot = potSize ?? 'MEDIUM';
      const factor = REPOT_POT_FACTORS[pot] ?? 1;
      return {
        days: base.months * DAYS_PER_MONTH * factor,
        factors: [
          { name: 'SPECIES', factor: 1, reason: base.reason },
          { name: 'POT_SIZE', factor, reason: REPOT_POT_REASONS[pot] ?? 'Unknown pot size: assumed medium' },
        ],
      };
    },
  },
  MIST: plainRule((s) => s.mistIntervalDays, 'mist (it wants humid air)'),
  PRUNE: plainRule((s) => s.pruneIntervalDays, 'prune'),
  ROTATE: plainRule((s) => s.rotateIntervalDays, 'give it a quarter turn'),
  CLEAN_LEAVES: plainRule((s) => s.cleanLeavesIntervalDays, 'clean the leaves'),
};
