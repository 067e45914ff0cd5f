import { describe, expect, it } from 'vitest';
import { seasonalTip, type PlantSeasonChange } from './seasonal-tip.js';

const plant = (nickname: string, waterBefore: number, waterAfter: number): PlantSeasonChange => ({
  nickname,
  waterBefore,
  waterAfter,
  fertilizeBefore: null,
  fertilizeAfter: null,
  misted: false,
});

describe('seasonalTip', () => {
  it('says which plants need more water in summer', () => {
    const tip = seasonalTip('SUMMER', [plant('A', 13, 11), plant('B', 7, 7)]);
    expect(tip.title).toBe('Summer is here: 1 of your plants needs more water');
    expect(tip.body).toBe('Water more often: A: every 13 → 11 days.');
  });

  it('still says something when nothing changes (custom intervals only)', () => {
    const tip = seasonalTip('AUTUMN', [plant('A', 5, 5)]);
    expect(tip.title).toBe('Autumn is here: what changes for your plants');
    expect(tip.body).toBe("Nothing changes for your plants' schedules this autumn.");
  });

  it('keeps a large collection readable', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...plant(`P${i}`, 10, 12), misted: true }));
    const tip = seasonalTip('WINTER', many);
    expect(tip.title).toBe('Winter is here: 30 of your plants need less water');
    expect(tip.body).toContain('Keep misting P0, P1, P2, P3, P4 and 25 more: heating dries the air.');
    expect(tip.body.length).toBeLessThanOrEqual(4000);
  });
});
