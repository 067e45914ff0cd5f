/** buildCareAgenda in the user's calendar: days cut at local midnight, rooms, overdue first, the `days` bound. */
import { describe, expect, it } from 'vitest';
import type { CareTask } from '../__generated__/resolvers-types.js';
import type { UserPlant } from '../db/client.js';
import { wateringStatus } from '../schedule/status.js';
import { buildCareAgenda } from './agenda.js';
import type { CareTaskStatusView } from './plant-care.js';

const plant = (nickname: string, location: string | null = null) =>
  ({ id: `id-${nickname}`, nickname, location }) as UserPlant;

/** A task's status as the care loaders compute it: days counted in `zone` from `at`. */
function due(task: CareTask, dueIso: string, at: Date, zone: string): CareTaskStatusView {
  const dueDate = new Date(dueIso);
  const { daysUntilDue, urgency } = wateringStatus(dueDate, at, zone);
  return {
    task,
    dueDate,
    daysUntilDue,
    urgency,
    lastDoneAt: null,
    intervalDays: 7,
    source: 'COMPUTED',
    paused: false,
    factors: [],
  };
}

/** [date, room, nickname, task, urgency] of every item, in agenda order. */
const flat = (agenda: ReturnType<typeof buildCareAgenda>) =>
  agenda.flatMap((day) =>
    day.rooms.flatMap((room) =>
      room.items.map((i) => [day.date, room.location, i.userPlant.nickname, i.task, i.urgency]),
    ),
  );

describe('buildCareAgenda', () => {
  it('cuts days at midnight in Sydney (UTC+10), not at midnight UTC', () => {
    const zone = 'Australia/Sydney';
    const now = new Date('2026-06-15T14:30:00Z'); // 00:30 on 16 June in Sydney, still 15 June in UTC
    const fern = plant('Fern', 'Bathroom');
    const statuses = [
      due('MIST', '2026-06-15T13:59:00Z', now, zone), // 23:59 on the 15th: yesterday there, overdue
      due('WATER', '2026-06-15T14:00:00Z', now, zone), // 00:00 on the 16th: today
      due('ROTATE', '2026-06-16T13:59:00Z', now, zone), // 23:59 on the 16th: still today
      due('PRUNE', '2026-06-16T14:00:00Z', now, zone), // 00:00 on the 17th: tomorrow
    ];
    const agenda = buildCareAgenda([{ plant: fern, statuses }], now, zone, 2);
    expect(flat(agenda)).toEqual([
      ['2026-06-16', 'Bathroom', 'Fern', 'MIST', 'OVERDUE'],
      ['2026-06-16', 'Bathroom', 'Fern', 'WATER', 'DUE_TODAY'],
      ['2026-06-16', 'Bathroom', 'Fern', 'ROTATE', 'DUE_TODAY'],
      ['2026-06-17', 'Bathroom', 'Fern', 'PRUNE', 'SOON'],
    ]);
  });

  it('cuts days at midnight in Los Angeles (UTC−7) just before it, and stops after `days` local days', () => {
    const zone = 'America/Los_Angeles';
    const now = new Date('2026-06-16T06:45:00Z'); // 23:45 on 15 June in LA, already 16 June in UTC
    const ivy = plant('Ivy', 'Hall');
    const statuses = [
      due('WATER', '2026-06-16T06:59:59Z', now, zone), // 23:59:59 on the 15th: today
      due('MIST', '2026-06-16T07:00:00Z', now, zone), // 00:00 on the 16th: tomorrow
      due('PRUNE', '2026-06-15T06:59:00Z', now, zone), // 23:59 on the 14th: overdue
      due('ROTATE', '2026-06-18T06:59:00Z', now, zone), // 23:59 on the 17th: the last day of three
      due('REPOT', '2026-06-18T07:00:00Z', now, zone), // 00:00 on the 18th: beyond
    ];
    const agenda = buildCareAgenda([{ plant: ivy, statuses }], now, zone, 3);
    expect(agenda.map((d) => d.date)).toEqual(['2026-06-15', '2026-06-16', '2026-06-17']);
    expect(flat(agenda)).toEqual([
      ['2026-06-15', 'Hall', 'Ivy', 'PRUNE', 'OVERDUE'],
      ['2026-06-15', 'Hall', 'Ivy', 'WATER', 'DUE_TODAY'],
      ['2026-06-16', 'Hall', 'Ivy', 'MIST', 'SOON'],
      ['2026-06-17', 'Hall', 'Ivy', 'ROTATE', 'SOON'],
    ]);
  });

  it('files tasks by the agenda’s own clock when the statuses were computed just before local midnight', () => {
    const zone = 'Australia/Sydney';
    const now = new Date('2026-06-15T14:00:00.005Z'); // just after midnight: 16 June in Sydney
    const before = new Date(now.getTime() - 10); // the loaders' read of the clock, still 15 June
    const statuses = [due('WATER', '2026-06-16T02:00:00Z', before, zone)]; // noon on the 16th
    const agenda = buildCareAgenda([{ plant: plant('Palm'), statuses }], now, zone, 2);
    expect(flat(agenda)).toEqual([['2026-06-16', null, 'Palm', 'WATER', 'DUE_TODAY']]);
  });

  it('groups rooms case-insensitively, rooms with overdue tasks first, then by name, no room last', () => {
    const zone = 'Europe/Berlin';
    const now = new Date('2026-06-15T10:00:00Z');
    const today = '2026-06-15T18:00:00Z';
    const agenda = buildCareAgenda(
      [
        { plant: plant('A', 'kitchen'), statuses: [due('WATER', today, now, zone)] },
        { plant: plant('B', null), statuses: [due('WATER', today, now, zone)] },
        { plant: plant('C', 'Study'), statuses: [due('MIST', '2026-06-13T08:00:00Z', now, zone)] },
        { plant: plant('D', ' Kitchen '), statuses: [due('FERTILIZE', '2026-06-14T08:00:00Z', now, zone)] },
        { plant: plant('E', 'Bedroom'), statuses: [due('WATER', today, now, zone)] },
      ],
      now,
      zone,
      1,
    );
    expect(
      agenda[0]?.rooms.map((r) => [r.location, r.items.map((i) => `${i.userPlant.nickname}:${i.urgency}`)]),
    ).toEqual([
      ['kitchen', ['D:OVERDUE', 'A:DUE_TODAY']],
      ['Study', ['C:OVERDUE']],
      ['Bedroom', ['E:DUE_TODAY']],
      [null, ['B:DUE_TODAY']],
    ]);
  });

  it('bounds the days: one day, 31 days, and none for a span that is not a positive count', () => {
    const now = new Date('2026-12-20T12:00:00Z');
    const statuses = [
      due('WATER', '2027-01-20T11:00:00Z', now, 'UTC'),
      due('MIST', '2027-01-19T11:00:00Z', now, 'UTC'),
    ];
    const collection = [{ plant: plant('Fig'), statuses }];
    expect(buildCareAgenda(collection, now, 'UTC', 1)).toEqual([{ date: '2026-12-20', rooms: [] }]);
    const month = buildCareAgenda(collection, now, 'UTC', 31);
    expect(month).toHaveLength(31);
    expect(month.at(-1)?.date).toBe('2027-01-19'); // across the new year
    expect(flat(month)).toEqual([['2027-01-19', null, 'Fig', 'MIST', 'OK']]);
    for (const days of [0, -3, Number.NaN]) expect(buildCareAgenda(collection, now, 'UTC', days)).toEqual([]);
  });

  it('reads an unknown time zone as UTC and skips an invalid due date instead of throwing', () => {
    const now = new Date('2026-06-15T23:30:00Z');
    const statuses = [
      due('WATER', '2026-06-16T00:30:00Z', now, 'UTC'),
      { ...due('MIST', '2026-06-16T00:30:00Z', now, 'UTC'), dueDate: new Date(Number.NaN) },
    ];
    const agenda = buildCareAgenda([{ plant: plant('Fig'), statuses }], now, 'Mars/Olympus', 2);
    expect(flat(agenda)).toEqual([['2026-06-16', null, 'Fig', 'WATER', 'SOON']]);
  });
});
