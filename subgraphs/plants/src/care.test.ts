/** Integration: care tasks through the API — schedule, log, settings, agenda, a room at once — and their events. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import {
  CARE_FOR_ROOM,
  CARE_LOG,
  careAgenda,
  careSchedule,
  DELETE_CARE,
  recordCare,
  SET_CARE_TASK,
  UPDATE_CARE,
} from './testing/care-operations.js';
import { ok, START, startPlantsHarness, type PlantsHarness, type TestUser } from './testing/harness.js';
import { addPlant, ARCHIVE, water } from './testing/operations.js';

const DAY = 86_400_000;
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();
const ACQUIRED = plus(START, -10 * DAY);
const WATERING_STATUS = `query($id: ID!) { userPlant(id: $id) { nextWateringAt wateringStatus { dueDate urgency } } }`;

describe.each(testDatabaseKinds())('care tasks (%s)', (kind) => {
  let h: PlantsHarness;
  beforeAll(async () => (h = await startPlantsHarness(kind)));
  afterAll(() => h?.close());

  const monstera = (user: TestUser, input: Record<string, unknown> = {}) =>
    addPlant(user, { acquiredOn: ACQUIRED, ...input }, 'Monstera deliciosa');
  /** The latest event about a plant, after publishing what the outbox holds. */
  const lastEvent = async (id: string) => {
    await h.drain();
    return h.events.filter((e) => e.userPlantId === id).at(-1);
  };
  const dueOf = (schedule: { task: string; dueDate: string }[], task: string) =>
    schedule.find((s) => s.task === task)?.dueDate;

  it("gives a new plant its species' tasks, and tells notifications every task's due time", async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await monstera(user);
    const schedule = await careSchedule(user, plant.id);
    // Monstera: fast grower, medium humidity (no misting), bright light (rotate), big leaves (clean).
    expect(schedule.map((s) => [s.task, s.intervalDays, s.dueDate])).toEqual([
      ['WATER', 6, START],
      ['FERTILIZE', 14, plus(ACQUIRED, 14 * DAY)],
      ['REPOT', 365, plus(ACQUIRED, 365 * DAY)],
      ['PRUNE', 60, plus(ACQUIRED, 60 * DAY)],
      ['ROTATE', 14, plus(ACQUIRED, 14 * DAY)],
      ['CLEAN_LEAVES', 30, plus(ACQUIRED, 30 * DAY)],
    ]);
    expect(schedule[1]).toMatchObject({ urgency: 'OK', daysUntilDue: 4, paused: false, source: 'COMPUTED' });
    expect(schedule[1]?.factors.map((f) => f.name)).toEqual(['SPECIES', 'SEASON']);
    const event = await lastEvent(plant.id);
    expect(event).toMatchObject({ reason: 'ADDED', nextWateringAt: START });
    expect(event?.otherTasks).toEqual(schedule.slice(1).map((s) => ({ task: s.task, dueAt: s.dueDate })));
  });

  it('moves a task when care is recorded, corrected or deleted, and keeps waterings in the same log', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await monstera(user);
    const fed = await recordCare(user, plant.id, 'FERTILIZE', { notes: 'Half strength' });
    expect(dueOf(await careSchedule(user, plant.id), 'FERTILIZE')).toBe(plus(START, 14 * DAY));
    expect(await lastEvent(plant.id)).toMatchObject({ reason: 'CARED' });
    expect((await lastEvent(plant.id))?.otherTasks).toContainEqual({
      task: 'FERTILIZE',
      dueAt: plus(START, 14 * DAY),
    });
    const watering = await water(user, plant.id, { wateredAt: plus(START, -DAY), notes: 'rain water' });
    const log = ok(await user.gql<{ userPlant: { careLog: LogView } }>(CARE_LOG, { id: plant.id })).userPlant.careLog;
    expect(log.totalCount).toBe(2);
    expect(log.edges.map((e) => [e.node.task, e.node.id])).toEqual([
      ['FERTILIZE', fed.id],
      ['WATER', watering.id],
    ]);
    const onlyWater = ok(
      await user.gql<{ userPlant: { careLog: LogView } }>(CARE_LOG, { id: plant.id, task: 'WATER' }),
    );
    expect(onlyWater.userPlant.careLog).toMatchObject({ totalCount: 1, edges: [{ node: { notes: 'rain water' } }] });
    const page = ok(await user.gql<{ userPlant: { careLog: LogView } }>(CARE_LOG, { id: plant.id, first: 1 }));
    const next = ok(
      await user.gql<{ userPlant: { careLog: LogView } }>(CARE_LOG, {
        id: plant.id,
        first: 1,
        after: page.userPlant.careLog.pageInfo.endCursor,
      }),
    );
    expect(next.userPlant.careLog.edges.map((e) => e.node.id)).toEqual([watering.id]);

    ok(await user.gql(UPDATE_CARE, { id: fed.id, input: { doneAt: plus(START, -2 * DAY) } }));
    expect(dueOf(await careSchedule(user, plant.id), 'FERTILIZE')).toBe(plus(START, 12 * DAY));
    expect(await lastEvent(plant.id)).toMatchObject({ reason: 'CARE_CHANGED' });
    // A watering's entry corrects the watering itself.
    ok(await user.gql(UPDATE_CARE, { id: watering.id, input: { doneAt: plus(START, -3 * DAY) } }));
    expect((await careSchedule(user, plant.id))[0]?.lastDoneAt).toBe(plus(START, -3 * DAY));
    ok(await user.gql(DELETE_CARE, { id: fed.id }));
    expect(dueOf(await careSchedule(user, plant.id), 'FERTILIZE')).toBe(plus(ACQUIRED, 14 * DAY));
    ok(await user.gql(DELETE_CARE, { id: watering.id }));
    expect((await careSchedule(user, plant.id))[0]?.lastDoneAt).toBeNull();
  });

  it("refuses someone else's entries and bad input without writing anything", async () => {
    h.clock.set(START);
    const [user, stranger] = [await h.user(), await h.user()];
    const plant = await monstera(user);
    const fed = await recordCare(user, plant.id, 'ROTATE');
    const theirs = await stranger.gql(UPDATE_CARE, { id: fed.id, input: { notes: 'x' } });
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const future = await user.gql(UPDATE_CARE, { id: fed.id, input: { doneAt: plus(START, 2 * DAY) } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.doneAt' });
    // Watering's own interval is customWateringIntervalDays.
    const water = await user.gql(SET_CARE_TASK, { input: { userPlantId: plant.id, task: 'WATER', intervalDays: 3 } });
    expect(water.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.intervalDays' });
    const mist = await user.gql(SET_CARE_TASK, { input: { userPlantId: plant.id, task: 'MIST' } });
    expect(mist.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.intervalDays' });
    expect((await careSchedule(user, plant.id)).map((s) => s.task)).not.toContain('MIST');
  });

  it('lets the owner change an interval or turn a task off or on, and archiving ends every task', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await monstera(user);
    type Set = { setCareTask: { careSchedule: { task: string; intervalDays: number; source: string }[] } };
    const off = ok(
      await user.gql<Set>(SET_CARE_TASK, { input: { userPlantId: plant.id, task: 'ROTATE', enabled: false } }),
    );
    expect(off.setCareTask.careSchedule.map((s) => s.task)).not.toContain('ROTATE');
    expect((await lastEvent(plant.id))?.otherTasks?.map((t) => t.task)).toEqual([
      'FERTILIZE',
      'REPOT',
      'PRUNE',
      'CLEAN_LEAVES',
    ]);
    expect(await lastEvent(plant.id)).toMatchObject({ reason: 'CARE_CHANGED' });
    const custom = ok(
      await user.gql<Set>(SET_CARE_TASK, { input: { userPlantId: plant.id, task: 'MIST', intervalDays: 4 } }),
    );
    expect(custom.setCareTask.careSchedule.find((s) => s.task === 'MIST')).toMatchObject({
      task: 'MIST',
      intervalDays: 4,
      source: 'CUSTOM',
    });
    ok(await user.gql(SET_CARE_TASK, { input: { userPlantId: plant.id, task: 'ROTATE', enabled: true } }));
    expect((await careSchedule(user, plant.id)).map((s) => s.task)).toContain('ROTATE');
    ok(await user.gql(ARCHIVE, { id: plant.id }));
    expect(await lastEvent(plant.id)).toMatchObject({ reason: 'ARCHIVED', nextWateringAt: null, otherTasks: [] });
    expect(await careSchedule(user, plant.id)).toEqual([]);
  });

  it('lets the owner turn watering off (no reminder, not in the schedule or agenda) and back on', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await monstera(user, { location: 'Hall' }); // never watered: due now
    type Set = { setCareTask: { careSchedule: { task: string }[]; careSettings: unknown[] } };
    const setWater = (enabled: boolean) =>
      user.gql<Set>(SET_CARE_TASK, { input: { userPlantId: plant.id, task: 'WATER', enabled } });
    const others = ['FERTILIZE', 'REPOT', 'PRUNE', 'ROTATE', 'CLEAN_LEAVES'];

    const off = ok(await setWater(false)).setCareTask;
    expect(off.careSchedule.map((s) => s.task)).toEqual(others);
    expect(off.careSettings).toEqual([{ task: 'WATER', intervalDays: null, enabled: false }]);
    // nextWateringAt null with the other tasks listed: notifications cancels the watering reminder, keeps the rest.
    const event = await lastEvent(plant.id);
    expect(event).toMatchObject({ reason: 'CARE_CHANGED', nextWateringAt: null });
    expect(event?.otherTasks?.map((t) => t.task)).toEqual(others);
    const agenda = await careAgenda(user, 31);
    expect(agenda.flatMap((d) => d.rooms.flatMap((r) => r.items.map((i) => i.task)))).not.toContain('WATER');
    type Status = { userPlant: { nextWateringAt: string; wateringStatus: { dueDate: string; urgency: string } } };
    const status = ok(await user.gql<Status>(WATERING_STATUS, { id: plant.id })).userPlant;
    expect(status).toEqual({ nextWateringAt: START, wateringStatus: { dueDate: START, urgency: 'DUE_TODAY' } });
    const room = ok(
      await user.gql<{ recordCareForRoom: unknown[] }>(CARE_FOR_ROOM, { location: 'Hall', task: 'WATER' }),
    );
    expect(room.recordCareForRoom).toEqual([]);
    // The reconciler agrees that nothing is to be watered: it does not republish a next watering.
    const before = h.events.length;
    await h.service.reconciler.runOnce();
    await h.drain();
    expect(h.events.slice(before).filter((e) => e.userPlantId === plant.id)).toEqual([]);

    const on = ok(await setWater(true)).setCareTask;
    expect(on.careSchedule.map((s) => s.task)).toEqual(['WATER', ...others]);
    expect(on.careSettings).toEqual([]);
    expect(await lastEvent(plant.id)).toMatchObject({ reason: 'CARE_CHANGED', nextWateringAt: START });
    expect((await careAgenda(user, 1))[0]?.rooms[0]?.items.map((i) => i.task)).toEqual(['WATER']);
  });

  it("lists the collection's due tasks per day and room, overdue first, and does a room's due task at once", async () => {
    h.clock.set(START);
    const user = await h.user();
    const fern = await addPlant(
      user,
      { acquiredOn: plus(START, -3 * DAY), location: 'Bathroom' },
      'Nephrolepis exaltata',
    );
    const big = await monstera(user, { location: 'Living room' });
    const other = await monstera(user, { location: 'living room', nickname: 'Other' });
    await water(user, big.id); // the living room's monstera is watered; the other one is due now
    const agenda = await careAgenda(user, 7);
    expect(agenda.map((d) => d.date)).toEqual([
      '2026-04-15',
      '2026-04-16',
      '2026-04-17',
      '2026-04-18',
      '2026-04-19',
      '2026-04-20',
      '2026-04-21',
    ]);
    const today = agenda[0]?.rooms ?? [];
    // The fern's misting (every 2 days since 3 days ago) is overdue: its room comes first.
    // Rooms are grouped case-insensitively (the spelling shown is one of the plants').
    expect(today.map((r) => r.location?.toLowerCase())).toEqual(['bathroom', 'living room']);
    expect(today[0]?.items.map((i) => [i.task, i.urgency])).toEqual([
      ['MIST', 'OVERDUE'],
      ['WATER', 'DUE_TODAY'],
    ]);
    expect(today[1]?.items.map((i) => [i.userPlant.nickname, i.task])).toEqual([['Other', 'WATER']]);
    expect(agenda[4]?.rooms[0]?.items.map((i) => i.task)).toEqual(['FERTILIZE', 'ROTATE', 'FERTILIZE', 'ROTATE']);

    type Room = { recordCareForRoom: { task: string; userPlant: { id: string } }[] };
    const watered = ok(await user.gql<Room>(CARE_FOR_ROOM, { location: 'LIVING ROOM', task: 'WATER' }));
    expect(watered.recordCareForRoom.map((l) => [l.task, l.userPlant.id])).toEqual([['WATER', other.id]]);
    const misted = ok(await user.gql<Room>(CARE_FOR_ROOM, { location: 'Bathroom', task: 'MIST' }));
    expect(misted.recordCareForRoom.map((l) => l.userPlant.id)).toEqual([fern.id]);
    expect(await lastEvent(fern.id)).toMatchObject({ reason: 'CARED' });
    const nothing = ok(await user.gql<Room>(CARE_FOR_ROOM, { location: 'Bathroom', task: 'MIST' }));
    expect(nothing.recordCareForRoom).toEqual([]);
    expect((await careAgenda(user, 1))[0]?.rooms.map((r) => r.location)).toEqual(['Bathroom']);
  });

  it('costs the same statements for the care schedule of 5 or 40 plants', async () => {
    h.clock.set(START);
    const count = async (n: number) => {
      const user = await h.user();
      const species = (await monstera(user)).plant.id;
      await h.service.runtime.db.userPlant.createMany({
        data: Array.from({ length: n - 1 }, (_, i) => ({ userId: user.id, plantId: species, nickname: `P${i}` })),
      });
      h.statements.length = 0;
      const agenda = await careAgenda(user, 31);
      expect(agenda).toHaveLength(31);
      return h.statements.length;
    };
    const [five, forty] = [await count(5), await count(40)];
    console.info(`statements for careAgenda(days: 31): 5 plants → ${five}, 40 plants → ${forty}`);
    expect(forty).toBe(five);
  });
});

interface LogView {
  totalCount: number;
  edges: { node: { id: string; task: string; notes: string | null } }[];
  pageInfo: { endCursor: string };
}
