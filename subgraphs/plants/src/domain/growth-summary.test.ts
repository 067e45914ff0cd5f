import { describe, expect, it } from 'vitest';
import { growthSummary, measurementTrend } from './growth-summary.js';
import { checkEntryComplete } from './growth.js';

const at = (iso: string) => new Date(iso);

describe('measurementTrend', () => {
  it('gives the change and the rate per 30 days', () => {
    const trend = measurementTrend({
      count: 3,
      first: 20,
      firstAt: at('2026-01-01T00:00:00Z'),
      last: 35,
      lastAt: at('2026-03-02T00:00:00Z'),
    });
    expect(trend).toMatchObject({ measurements: 3, first: 20, last: 35, change: 15, perMonth: 7.5 });
  });
  it('has no rate for readings less than a day apart, and shrinkage is negative', () => {
    expect(
      measurementTrend({
        count: 2,
        first: 10,
        firstAt: at('2026-01-01T08:00:00Z'),
        last: 9,
        lastAt: at('2026-01-01T20:00:00Z'),
      }),
    ).toMatchObject({
      change: -1,
      perMonth: null,
    });
  });
  it('is null without measurements', () => {
    expect(measurementTrend({ count: 0, first: null, firstAt: null, last: null, lastAt: null })).toBeNull();
  });
});

it('summarises an empty journal', () => {
  expect(growthSummary(undefined)).toEqual({
    entryCount: 0,
    firstRecordedAt: null,
    lastRecordedAt: null,
    height: null,
    width: null,
    leafCount: null,
  });
});

describe('checkEntryComplete', () => {
  const empty = { heightCm: null, widthCm: null, leafCount: null, photoUrl: null, notes: null };
  it.each([
    ['PHOTO', 'input.photoUrl'],
    ['MEASUREMENT', 'input.heightCm'],
    ['OBSERVATION', 'input.notes'],
  ] as const)('a %s entry without its substance names %s', (type, field) => {
    expect(() => checkEntryComplete({ ...empty, type })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
    );
  });
  it('accepts a measurement with only a leaf count', () => {
    expect(() => checkEntryComplete({ ...empty, type: 'MEASUREMENT', leafCount: 12 })).not.toThrow();
  });
});
