import { describe, expect, it } from 'vitest';
import { resolveHemisphere, seasonAt, seasonFactor, seasonForMonth } from './season.js';

describe('seasonForMonth', () => {
  it.each([
    [1, 'WINTER'],
    [2, 'WINTER'],
    [3, 'SPRING'],
    [4, 'SPRING'],
    [5, 'SPRING'],
    [6, 'SUMMER'],
    [7, 'SUMMER'],
    [8, 'SUMMER'],
    [9, 'AUTUMN'],
    [10, 'AUTUMN'],
    [11, 'AUTUMN'],
    [12, 'WINTER'],
  ] as const)('northern month %i is %s', (month, season) => {
    expect(seasonForMonth(month, 'NORTHERN')).toBe(season);
  });

  it.each([
    [1, 'SUMMER'],
    [2, 'SUMMER'],
    [3, 'AUTUMN'],
    [4, 'AUTUMN'],
    [5, 'AUTUMN'],
    [6, 'WINTER'],
    [7, 'WINTER'],
    [8, 'WINTER'],
    [9, 'SPRING'],
    [10, 'SPRING'],
    [11, 'SPRING'],
    [12, 'SUMMER'],
  ] as const)('southern month %i is %s (shifted by six months)', (month, season) => {
    expect(seasonForMonth(month, 'SOUTHERN')).toBe(season);
  });

  it('defaults to the northern hemisphere', () => {
    expect(seasonForMonth(1)).toBe('WINTER');
  });
});

describe('seasonAt', () => {
  it('uses the month in the user time zone', () => {
    const instant = new Date('2026-02-28T20:00:00Z'); // already 1 March 05:00 in Tokyo
    expect(seasonAt(instant, 'NORTHERN', 'UTC')).toBe('WINTER');
    expect(seasonAt(instant, 'NORTHERN', 'Asia/Tokyo')).toBe('SPRING');
  });

  it('handles the southern hemisphere across a local month boundary', () => {
    const instant = new Date('2026-05-31T15:00:00Z'); // 1 June 01:00 in Sydney
    expect(seasonAt(instant, 'SOUTHERN', 'UTC')).toBe('AUTUMN');
    expect(seasonAt(instant, 'SOUTHERN', 'Australia/Sydney')).toBe('WINTER');
  });

  it('falls back to UTC for an invalid time zone', () => {
    expect(seasonAt(new Date('2026-02-28T20:00:00Z'), 'NORTHERN', 'Mars/Olympus_Mons')).toBe('WINTER');
  });
});

describe('seasonFactor', () => {
  it.each([
    ['SPRING', 0.9],
    ['SUMMER', 0.8],
    ['AUTUMN', 1.1],
    ['WINTER', 1.3],
  ] as const)('%s has factor %d', (season, factor) => {
    expect(seasonFactor(season).factor).toBe(factor);
  });

  it('explains the factor with season and hemisphere', () => {
    expect(seasonFactor('WINTER', 'NORTHERN')).toEqual({
      name: 'SEASON',
      factor: 1.3,
      reason: 'Winter (northern hemisphere): growth slows, soil dries slower',
    });
    expect(seasonFactor('SUMMER', 'SOUTHERN').reason).toMatch(/^Summer \(southern hemisphere\)/);
  });

  it('treats unknown hemispheres as northern', () => {
    expect(resolveHemisphere('EASTERN')).toBe('NORTHERN');
    expect(resolveHemisphere(undefined)).toBe('NORTHERN');
    expect(resolveHemisphere('SOUTHERN')).toBe('SOUTHERN');
  });
});
