import { describe, expect, it } from 'vitest';
import { digestBody, groupForDigest, type DigestReminder } from './digest.js';

const r = (userPlantId: string, nickname: string, iso: string): DigestReminder => ({
  userPlantId,
  nickname,
  sendAt: new Date(iso),
});
/** Compact view of groups: kind, sendAt, plant ids. */
const summary = (groups: ReturnType<typeof groupForDigest>) =>
  groups.map((g) => [
    g.kind,
    g.sendAt.toISOString(),
    ...(g.kind === 'DIGEST' ? g.items : [g.item]).map((i) => i.userPlantId),
  ]);

const monty = r('p1', 'Monty', '2026-07-01T07:00:00Z');
const fern = r('p2', 'Fern', '2026-07-01T07:20:00Z');
const pothos = r('p3', 'Pothos', '2026-07-01T07:59:00Z');
const cactus = r('p4', 'Spike', '2026-07-01T10:00:00Z');

describe('groupForDigest', () => {
  it('sends everything singly when digests are disabled', () => {
    expect(summary(groupForDigest([fern, monty, cactus], { digestEnabled: false }))).toEqual([
      ['SINGLE', '2026-07-01T07:00:00.000Z', 'p1'],
      ['SINGLE', '2026-07-01T07:20:00.000Z', 'p2'],
      ['SINGLE', '2026-07-01T10:00:00.000Z', 'p4'],
    ]);
  });

  it('groups ≥ 2 reminders within the window into one digest at the earliest sendAt', () => {
    expect(summary(groupForDigest([cactus, pothos, fern, monty], { digestEnabled: true }))).toEqual([
      ['DIGEST', '2026-07-01T07:00:00.000Z', 'p1', 'p2', 'p3'],
      ['SINGLE', '2026-07-01T10:00:00.000Z', 'p4'],
    ]);
  });

  it('anchors the window on the earliest reminder instead of chaining', () => {
    const a = r('a', 'A', '2026-07-01T09:00:00Z');
    const b = r('b', 'B', '2026-07-01T09:50:00Z');
    const c = r('c', 'C', '2026-07-01T10:40:00Z');
    expect(summary(groupForDigest([a, b, c], { digestEnabled: true }))).toEqual([
      ['DIGEST', '2026-07-01T09:00:00.000Z', 'a', 'b'],
      ['SINGLE', '2026-07-01T10:40:00.000Z', 'c'],
    ]);
  });

  it('treats the window end as exclusive and honours windowMinutes', () => {
    const late = r('p5', 'Late', '2026-07-01T08:00:00Z'); // exactly 60 min after Monty
    expect(summary(groupForDigest([monty, late], { digestEnabled: true }))).toEqual([
      ['SINGLE', '2026-07-01T07:00:00.000Z', 'p1'],
      ['SINGLE', '2026-07-01T08:00:00.000Z', 'p5'],
    ]);
    expect(summary(groupForDigest([monty, fern, pothos], { digestEnabled: true, windowMinutes: 15 }))).toEqual([
      ['SINGLE', '2026-07-01T07:00:00.000Z', 'p1'],
      ['SINGLE', '2026-07-01T07:20:00.000Z', 'p2'],
      ['SINGLE', '2026-07-01T07:59:00.000Z', 'p3'],
    ]);
  });

  it('does not span local midnight when a time zone is given', () => {
    const lateNight = r('n1', 'Night', '2026-07-02T03:30:00Z'); // 23:30 EDT on 1 July
    const earlyMorning = r('n2', 'Dawn', '2026-07-02T04:10:00Z'); // 00:10 EDT on 2 July
    expect(summary(groupForDigest([lateNight, earlyMorning], { digestEnabled: true }))).toEqual([
      ['DIGEST', '2026-07-02T03:30:00.000Z', 'n1', 'n2'],
    ]);
    expect(
      summary(groupForDigest([lateNight, earlyMorning], { digestEnabled: true, timeZone: 'America/New_York' })),
    ).toEqual([
      ['SINGLE', '2026-07-02T03:30:00.000Z', 'n1'],
      ['SINGLE', '2026-07-02T04:10:00.000Z', 'n2'],
    ]);
  });

  it('is deterministic for equal send times and keeps caller fields', () => {
    const same = [
      { ...r('z', 'Z', '2026-07-01T07:00:00Z'), reminderId: 'r-z' },
      { ...r('a', 'A', '2026-07-01T07:00:00Z'), reminderId: 'r-a' },
    ];
    const [group] = groupForDigest(same, { digestEnabled: true });
    expect(group?.kind === 'DIGEST' && group.items.map((i) => i.reminderId)).toEqual(['r-a', 'r-z']);
  });

  it('handles empty input and rejects a bad window', () => {
    expect(groupForDigest([], { digestEnabled: true })).toEqual([]);
    expect(() => groupForDigest([monty], { digestEnabled: true, windowMinutes: 0 })).toThrow(RangeError);
  });
});

describe('digestBody', () => {
  it('lists nicknames', () => {
    expect(digestBody([monty, fern, pothos])).toBe('Monty, Fern and Pothos');
    expect(digestBody([monty, fern])).toBe('Monty and Fern');
    expect(digestBody([monty])).toBe('Monty');
    expect(digestBody([])).toBe('');
  });

  it('collapses long lists and names unnamed plants', () => {
    const many = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n) => r(n, n, '2026-07-01T07:00:00Z'));
    expect(digestBody(many)).toBe('A, B, C, D and 3 more');
    expect(digestBody([r('x', '  ', '2026-07-01T07:00:00Z'), fern])).toBe('Unnamed plant and Fern');
  });
});
