/**
 * FORMULA.md's factor tables, rendered from the tables the schedule computes with (factors.ts, season.ts), so the
 * document cannot drift from the code: factor-tables.test.ts fails when FORMULA.md differs from this rendering, and
 * `npm run docs:factor-tables -w @bloomzy/plants` rewrites the tables in place. Only the tables are generated; the prose
 * around them is written by hand.
 */
import { fileURLToPath } from 'node:url';
import type { Season, WateringFactorName } from '../__generated__/resolvers-types.js';
import {
  LIGHT_FACTORS,
  POT_MATERIAL_FACTORS,
  POT_SIZE_FACTORS,
  SOIL_FACTORS,
  TEMPERATURE_BANDS,
  type FactorEntry,
} from './factors.js';
import { SEASON_FACTORS, SEASON_REASONS, seasonForMonth } from './season.js';
import type { Hemisphere } from './types.js';

export const FORMULA_FILE = fileURLToPath(new URL('FORMULA.md', import.meta.url));

/**
 * A Markdown table with every column padded to one width, as a reader of the raw file sees it; the Factor column is
 * right-aligned so its decimals line up.
 */
function table(titles: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = titles.map((title, i) => Math.max(3, title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const right = titles.map((title) => title === 'Factor');
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = line(widths.map((width, i) => (right[i] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))));
  return [line(titles), rule, ...rows.map(line)].join('\n');
}

const factor = (value: number) => value.toFixed(2);

const entryTable = (label: string, entries: Readonly<Record<string, FactorEntry>>) =>
  table(
    [label, 'Factor', 'Why'],
    Object.entries(entries).map(([value, entry]) => [value, factor(entry.factor), entry.reason]),
  );

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The months of a season as a range ("Dec–Feb"), read from the same function the schedule uses. */
function monthsOf(season: Season, hemisphere: Hemisphere): string {
  const inSeason = (month: number) => seasonForMonth(((month + 11) % 12) + 1, hemisphere) === season;
  const first = MONTHS.findIndex((_, i) => inSeason(i + 1) && !inSeason(i));
  const count = MONTHS.filter((_, i) => inSeason(i + 1)).length;
  return `${MONTHS[first]}–${MONTHS[(first + count - 1) % 12]}`;
}

const RENDER: Record<WateringFactorName, () => string> = {
  SEASON: () =>
    table(
      ['Season', 'Northern months', 'Southern months', 'Factor', 'Why'],
      (Object.keys(SEASON_FACTORS) as Season[]).map((season) => [
        season,
        monthsOf(season, 'NORTHERN'),
        monthsOf(season, 'SOUTHERN'),
        factor(SEASON_FACTORS[season]),
        SEASON_REASONS[season],
      ]),
    ),
  POT_SIZE: () => entryTable('Pot size', POT_SIZE_FACTORS),
  POT_MATERIAL: () => entryTable('Pot material', POT_MATERIAL_FACTORS),
  SOIL: () => entryTable('Soil', SOIL_FACTORS),
  LIGHT: () => entryTable('Light', LIGHT_FACTORS),
  TEMPERATURE: () => {
    const { coolBelowC, warmAboveC, coolFactor, warmFactor } = TEMPERATURE_BANDS;
    return table(
      ['Room temperature', 'Factor'],
      [
        [`below ${coolBelowC} °C`, factor(coolFactor)],
        [`${coolBelowC}–${warmAboveC} °C (both included)`, factor(1)],
        [`above ${warmAboveC} °C`, factor(warmFactor)],
      ],
    );
  },
};

/** The Markdown table of one factor. */
export const renderFactorTable = (name: WateringFactorName): string => RENDER[name]();

/**
 * `markdown` with the body of every `<!-- factor-table NAME -->` … `<!-- end factor-table -->` block replaced by the
 * rendering of factor NAME; throws when a factor has no block, so a new factor cannot go undocumented.
 */
export function withFactorTables(markdown: string): string {
  let result = markdown;
  for (const name of Object.keys(RENDER) as WateringFactorName[]) {
    // The body is whatever lies between the markers, never another marker: an unclosed block cannot swallow the next.
    const block = new RegExp(`(<!-- factor-table ${name} -->\\n)(?:(?!<!--)[\\s\\S])*(<!-- end factor-table -->)`);
    if (!block.test(result)) throw new Error(`No "<!-- factor-table ${name} -->" block for the ${name} factor`);
    result = result.replace(block, (_, begin: string, end: string) => `${begin}\n${renderFactorTable(name)}\n\n${end}`);
  }
  return result;
}
