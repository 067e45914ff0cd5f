import { describe, expect, it } from 'vitest';
import { DRIFT_TOLERANCE_MS, publicationDue, type PublicationState } from './publication-due.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const DAY = 86_400_000;
const published = (next: Date | null, versions: [number, number] = [3, 3]): PublicationState => ({
  scheduleVersion: versions[0],
  publishedVersion: versions[1],
  publishedNextWateringAt: next,
});

describe('publicationDue', () => {
  it('publishes a committed change whose event was never confirmed, whatever the dates say', () => {
    expect(publicationDue(published(at(5 * DAY), [4, 3]), at(5 * DAY), NOW)).toBe('unpublished');
    expect(publicationDue(published(null, [1, 0]), null, NOW)).toBe('unpublished');
  });

  it('publishes a future due date that moved by more than the tolerance, and only then', () => {
    expect(publicationDue(published(at(17 * DAY)), at(12 * DAY), NOW)).toBe('drifted');
    expect(publicationDue(published(at(5 * DAY)), at(5 * DAY + DRIFT_TOLERANCE_MS), NOW)).toBeNull();
    expect(publicationDue(published(at(5 * DAY)), at(5 * DAY), NOW)).toBeNull();
  });

  it('publishes a plant that became due, or stopped being due', () => {
    expect(publicationDue(published(at(DAY)), at(-DAY), NOW)).toBe('drifted');
    expect(publicationDue(published(at(-DAY)), at(DAY), NOW)).toBe('drifted');
  });

  it('leaves a plant alone that was due and still is (a never-watered plant is due "now", which moves every run)', () => {
    expect(publicationDue(published(at(-3 * DAY)), NOW, NOW)).toBeNull();
    expect(publicationDue(published(at(-3 * DAY)), at(-DAY), NOW)).toBeNull();
  });

  it('sends an archived plant its null event while notifications may still hold a date', () => {
    expect(publicationDue(published(at(DAY)), null, NOW)).toBe('drifted');
    expect(publicationDue(published(null), null, NOW)).toBeNull();
  });
});
