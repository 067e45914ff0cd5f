import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMULA_FILE, renderFactorTable, withFactorTables } from './factor-tables.js';

describe('FORMULA.md factor tables', () => {
  it('are exactly the tables the schedule computes with', () => {
    const formula = readFileSync(FORMULA_FILE, 'utf8');
    expect(
      withFactorTables(formula),
      'FORMULA.md differs from factors.ts/season.ts: run `npm run docs:factor-tables -w @bloomzy/plants`',
    ).toBe(formula);
  });

  it('show each value with its factor and the reason the API gives', () => {
    expect(renderFactorTable('POT_SIZE')).toContain(
      '| SMALL    |   0.85 | Small pot (< 12 cm): little soil, dries out fast',
    );
    expect(renderFactorTable('SEASON')).toContain('| WINTER | Dec–Feb         | Jun–Aug         |   1.30 |');
    expect(renderFactorTable('TEMPERATURE')).toContain('| above 24 °C              |   0.90 |');
  });

  it('refuses a document that lost the block of a factor', () => {
    expect(() => withFactorTables('<!-- factor-table SEASON -->\n<!-- end factor-table -->')).toThrow(/POT_SIZE/);
  });
});
