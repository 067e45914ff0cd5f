/** CARE-FORMULA.md's tables must say what care-rules.ts does. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FERTILIZE_SEASON_FACTORS, REPOT_GROWTH_MONTHS, REPOT_POT_FACTORS } from './care-rules.js';

const doc = readFileSync(fileURLToPath(new URL('CARE-FORMULA.md', import.meta.url)), 'utf8');

/** The `| NAME | factor |` rows of one marked table. */
function table(name: string): Record<string, number> {
  const body = doc.split(`<!-- care-table ${name} -->`)[1]?.split('<!-- end care-table -->')[0] ?? '';
  const rows = body.split('\n').filter((line) => /^\|\s*[A-Z]+\s*\|\s*[\d.]+\s*\|/.test(line));
  return Object.fromEntries(
    rows.map((line) => {
      const [key = '', factor = ''] = line
        .split('|')
        .slice(1)
        .map((cell) => cell.trim());
      return [key, Number(factor)];
    }),
  );
}

describe('CARE-FORMULA.md', () => {
  it('lists the fertilizing season factors of the code', () => {
    expect(table('FERTILIZE')).toEqual(FERTILIZE_SEASON_FACTORS);
  });
  it('lists the repotting pot-size factors of the code', () => {
    expect(table('REPOT')).toEqual(REPOT_POT_FACTORS);
  });
  it('lists the repotting months by growth rate of the code', () => {
    expect(table('REPOT_GROWTH')).toEqual(REPOT_GROWTH_MONTHS);
  });
});
