/**
 * What a season change means for one user's plants, in words: the CARE_TIP event's title and body. Pure: it compares
 * each plant's schedules computed in the previous season with those of the new one (the watering formula's season
 * factor, fertilizing's pause and pace) and names the plants.
 */
import type { Season } from '../__generated__/resolvers-types.js';
import type { CareTaskSchedule } from './care-task.js';

export interface PlantSeasonChange {
  nickname: string;
  /** Watering interval in days before and after the change (equal when the owner set their own). */
  waterBefore: number;
  waterAfter: number;
  fertilizeBefore: CareTaskSchedule | null;
  fertilizeAfter: CareTaskSchedule | null;
  /** Whether misting is planned for it. */
  misted: boolean;
}

export interface SeasonalTip {
  title: string;
  body: string;
}

const LABELS: Readonly<Record<Season, string>> = {
  SPRING: 'Spring',
  SUMMER: 'Summer',
  AUTUMN: 'Autumn',
  WINTER: 'Winter',
};

/** "A, B and 3 more": keeps a line readable for a large collection. */
function names(plants: readonly PlantSeasonChange[], shown = 5): string {
  const list = plants.slice(0, shown).map((p) => p.nickname);
  const rest = plants.length - list.length;
  if (rest > 0) return `${list.join(', ')} and ${rest} more`;
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1) ?? ''}` : (list[0] ?? '');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function seasonalTip(season: Season, plants: readonly PlantSeasonChange[]): SeasonalTip {
  const label = LABELS[season];
  const less = plants.filter((p) => p.waterAfter > p.waterBefore);
  const more = plants.filter((p) => p.waterAfter < p.waterBefore);
  const paused = plants.filter((p) => p.fertilizeAfter?.paused && !p.fertilizeBefore?.paused);
  const resumed = plants.filter((p) => p.fertilizeBefore?.paused && p.fertilizeAfter && !p.fertilizeAfter.paused);
  const slower = plants.filter(
    (p) =>
      p.fertilizeBefore &&
      p.fertilizeAfter &&
      !p.fertilizeBefore.paused &&
      !p.fertilizeAfter.paused &&
      p.fertilizeAfter.intervalDays !== p.fertilizeBefore.intervalDays,
  );
  const misted = plants.filter((p) => p.misted);
  const lines: string[] = [];
  const interval = (p: PlantSeasonChange) => `${p.nickname}: every ${p.waterBefore} → ${p.waterAfter} days`;
  if (less.length) lines.push(`Water less often: ${less.slice(0, 8).map(interval).join('; ')}.`);
  if (more.length) lines.push(`Water more often: ${more.slice(0, 8).map(interval).join('; ')}.`);
  if (paused.length) {
    lines.push(`Stop feeding until spring: ${names(paused)} ${paused.length === 1 ? 'rests' : 'rest'} now.`);
  }
  if (resumed.length) lines.push(`Start feeding again: ${names(resumed)}.`);
  for (const p of slower.slice(0, 8)) {
    const [before, after] = [p.fertilizeBefore?.intervalDays, p.fertilizeAfter?.intervalDays];
    lines.push(`Feed ${p.nickname} every ${after} days instead of ${before}.`);
  }
  if (misted.length && (season === 'WINTER' || season === 'SUMMER')) {
    const why = season === 'WINTER' ? 'heating dries the air' : 'warm air dries fast';
    lines.push(`Keep misting ${names(misted)}: ${why}.`);
  }
  if (lines.length === 0) lines.push(`Nothing changes for your plants' schedules this ${label.toLowerCase()}.`);
  const title =
    less.length > 0
      ? `${label} is here: ${plural(less.length, 'of your plants needs', 'of your plants need')} less water`
      : more.length > 0
        ? `${label} is here: ${plural(more.length, 'of your plants needs', 'of your plants need')} more water`
        : `${label} is here: what changes for your plants`;
  return { title, body: lines.join('\n').slice(0, 4000) };
}
