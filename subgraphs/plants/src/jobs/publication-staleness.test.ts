import { describe, expect, it } from 'vitest';
import { DRIFT_TOLERANCE_MS, publicationStaleness, type PublicationState } from './publication-staleness.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const DAY = 86_400_000;
const published = (next: Date | null, versions: [number, number] = [3, 3]): PublicationState => ({
  scheduleVersion: versions[0],
  publishedVersion: versions[1],
  publishedNextWateringAt: next,
});

describe('publicationStaleness', () => {
  it('publishes a committed change whose event was never confirmed, whatever the dates say', () => {
    expect(publicationStaleness(published(at(5 * DAY), [4, 3]), at(5 * DAY), NOW)).toBe('unpublished');
    expect(publicationStaleness(published(null, [1, 0]), null, NOW)).toBe('unpublished');
  });

  it('publishes a future due date that moved by more than the tolerance, and only then', () => {
    expect(publicationStaleness(published(at(17 * DAY)), at(12 * DAY), NOW)).toBe('drifted');
    expect(publicationStaleness(published(at(5 * DAY)), at(5 * DAY + DRIFT_TOLERANCE_MS), NOW)).toBeNull();
    expect(publicationStaleness(published(at(5 * DAY)), at(5 * DAY), NOW)).toBeNull();
  });

  it('publishes a plant that became due, or stopped being due', () => {
    expect(publicationStaleness(published(at(DAY)), at(-DAY), NOW)).toBe('drifted');
    expect(publicationStaleness(published(at(-DAY)), at(DAY), NOW)).toBe('drifted');
  });

  it('leaves a plant alone that was due and still is (a never-watered plant is due "now", which moves every run)', () => {
    expect(publicationStaleness(published(at(-3 * DAY)), NOW, NOW)).toBeNull();
    expect(publicationStaleness(published(at(-3 * DAY)), at(-DAY), NOW)).toBeNull();
  });

  it('sends an archived plant its null event while notifications may still hold a date', () => {
    expect(publicationStaleness(published(at(DAY)), null, NOW)).toBe('drifted');
    expect(publicationStaleness(published(null), null, NOW)).toBeNull();
  });
});
