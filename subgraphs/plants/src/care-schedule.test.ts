/** Integration: watering, snoozing, a whole room, corrections — and the care-schedule events each change publishes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_PROFILE_STREAM, type UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { ok, START, startPlantsHarness, type PlantsHarness, type TestUser } from './testing/harness.js';
import {
  addPlant,
  ARCHIVE,
  DELETE_WATERING,
  getPlant,
  SNOOZE,
  UPDATE,
  UPDATE_WATERING,
  water,
  WATER_MANY,
  type PlantView,
} from './testing/operations.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

describe.each(testDatabaseKinds())('care schedule (%s)', (kind) => {
  let h: PlantsHarness;
  beforeAll(async () => (h = await startPlantsHarness(kind)));
  afterAll(() => h?.close());

  /** Events published so far for one plant, as [reason, nextWateringAt]. */
  const eventsOf = async (userPlantId: string) => {
    await h.drain();
    return h.events.filter((e) => e.userPlantId === userPlantId).map((e) => [e.reason, e.nextWateringAt]);
  };
  const snooze = async (user: TestUser, id: string, days: number) =>
    ok(await user.gql<{ snoozeWatering: PlantView }>(SNOOZE, { id, days })).snoozeWatering;

  it('starts due now, moves nextWateringAt by the interval on watering, and tells notifications each time', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await addPlant(user);
    // Snake plant: base 14 days × spring 0.9 = 12.6 → 13 days.
    expect(plant).toMatchObject({
      nextWateringAt: START,
      lastWateredAt: null,
      wateringStatus: { urgency: 'DUE_TODAY', daysUntilDue: 0, intervalDays: 13, season: 'SPRING', source: 'COMPUTED' },
    });
    h.clock.advance(HOUR);
    const watered = await water(user, plant.id, { amountMl: 250, waterType: 'RAIN' });
    const wateredAt = plus(START, HOUR);
    expect(watered.wateredAt).toBe(wateredAt);
    expect(watered.userPlant).toMatchObject({
      lastWateredAt: wateredAt,
      nextWateringAt: plus(wateredAt, 13 * DAY),
      wateringStatus: { urgency: 'OK', daysUntilDue: 13 },
    });
    h.clock.advance(12 * DAY);
    expect((await getPlant(user, plant.id))?.wateringStatus).toMatchObject({ urgency: 'SOON', daysUntilDue: 1 });
    h.clock.advance(2 * DAY);
    expect((await getPlant(user, plant.id))?.wateringStatus).toMatchObject({ urgency: 'OVERDUE', daysUntilDue: -1 });
    expect(await eventsOf(plant.id)).toEqual([
      ['ADDED', START],
      ['WATERED', plus(wateredAt, 13 * DAY)],
    ]);
    const event = h.events.find((e) => e.userPlantId === plant.id && e.reason === 'WATERED');
    expect(event).toMatchObject({ userId: user.id, nickname: 'Snake plant', changedAt: wateredAt });
  });

  it("adapts the interval to the owner's rhythm, within ±30 %", async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await addPlant(user);
    for (const daysAgo of [20, 10, 0]) await water(user, plant.id, { wateredAt: plus(START, -daysAgo * DAY) });
    const after = await getPlant(user, plant.id);
    expect(after?.wateringStatus).toMatchObject({
      intervalDays: 10,
      rhythm: { averageIntervalDays: 10, intervalsUsed: 2 },
    });
    expect(after?.nextWateringAt).toBe(plus(START, 10 * DAY));
  });

  it('snoozes from the due date without touching the interval, adds snoozes up, and a watering ends them', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await addPlant(user);
    await water(user, plant.id);
    const due = plus(START, 13 * DAY);
    const once = await snooze(user, plant.id, 3);
    expect(once).toMatchObject({
      nextWateringAt: plus(due, 3 * DAY),
      wateringStatus: { intervalDays: 13, snoozedUntil: plus(due, 3 * DAY) },
    });
    expect((await snooze(user, plant.id, 2)).nextWateringAt).toBe(plus(due, 5 * DAY));
    h.clock.advance(DAY);
    const watered = await water(user, plant.id);
    expect(watered.userPlant).toMatchObject({
      nextWateringAt: plus(START, 14 * DAY),
      wateringStatus: { snoozedUntil: null },
    });
    expect((await eventsOf(plant.id)).map(([reason]) => reason)).toEqual([
      'ADDED',
      'WATERED',
      'SNOOZED',
      'SNOOZED',
      'WATERED',
    ]);
    // The clock stood still between the first four changes; consumers keeping the newest event must still see each.
    const stamps = h.events.filter((e) => e.userPlantId === plant.id).map((e) => Date.parse(e.changedAt));
    expect(stamps.every((t, i) => i === 0 || t > (stamps[i - 1] ?? t))).toBe(true);
  });

  it('snoozes an overdue plant from now', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await addPlant(user);
    h.clock.advance(5 * HOUR);
    expect((await snooze(user, plant.id, 1)).nextWateringAt).toBe(plus(START, 5 * HOUR + DAY));
  });

  it('waters a whole room at once, all or nothing', async () => {
    h.clock.set(START);
    const user = await h.user();
    const stranger = await h.user();
    const room = await Promise.all([1, 2, 3].map(() => addPlant(user, { location: 'Living room' })));
    const ids = room.map((p) => p.id);
    const foreign = await addPlant(stranger);
    const refused = await user.gql(WATER_MANY, { ids: [...ids, foreign.id] });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await getPlant(user, ids[0] ?? ''))?.lastWateredAt).toBeNull();
    h.clock.advance(HOUR);
    const watered = ok(
      await user.gql<{ waterPlants: { userPlant: { id: string; nextWateringAt: string } }[] }>(WATER_MANY, {
        ids: [...ids, ids[0]],
      }),
    ).waterPlants;
    expect(watered.map((w) => w.userPlant.id)).toEqual(ids);
    expect(watered.every((w) => w.userPlant.nextWateringAt === plus(START, HOUR + 13 * DAY))).toBe(true);
    for (const id of ids) expect((await eventsOf(id)).map(([reason]) => reason)).toEqual(['ADDED', 'WATERED']);
  });

  it('recomputes when a watering is corrected or deleted', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await addPlant(user);
    const first = await water(user, plant.id, { wateredAt: plus(START, -2 * DAY) });
    const second = await water(user, plant.id);
    const moved = ok(
      await user.gql<{ updateWatering: { userPlant: { nextWateringAt: string } } }>(UPDATE_WATERING, {
        id: second.id,
        input: { wateredAt: plus(START, -HOUR) },
      }),
    );
    expect(moved.updateWatering.userPlant.nextWateringAt).toBe(plus(START, 13 * DAY - HOUR));
    const afterDelete = ok(
      await user.gql<{ deleteWatering: PlantView }>(DELETE_WATERING, { id: second.id }),
    ).deleteWatering;
    expect(afterDelete.lastWateredAt).toBe(first.wateredAt);
    expect(afterDelete.nextWateringAt).toBe(plus(first.wateredAt, 13 * DAY));
    expect((await eventsOf(plant.id)).map(([reason]) => reason)).toEqual([
      'ADDED',
      'WATERED',
      'WATERED',
      'WATERING_CHANGED',
      'WATERING_CHANGED',
    ]);
  });

  it('follows a custom interval, and archiving stops the schedule', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await addPlant(user);
    await water(user, plant.id);
    const custom = ok(
      await user.gql<{ updateUserPlant: PlantView }>(UPDATE, {
        id: plant.id,
        input: { customWateringIntervalDays: 4 },
      }),
    ).updateUserPlant;
    expect(custom).toMatchObject({
      nextWateringAt: plus(START, 4 * DAY),
      wateringStatus: { intervalDays: 4, source: 'CUSTOM' },
    });
    ok(await user.gql(UPDATE, { id: plant.id, input: { notes: 'Repotted' } })); // no schedule change, no event
    const archived = ok(await user.gql<{ archiveUserPlant: PlantView }>(ARCHIVE, { id: plant.id })).archiveUserPlant;
    expect(archived).toMatchObject({ archivedAt: START, nextWateringAt: null, wateringStatus: null });
    ok(await user.gql(ARCHIVE, { id: plant.id })); // idempotent, no second event
    expect(await eventsOf(plant.id)).toEqual([
      ['ADDED', START],
      ['WATERED', plus(START, 13 * DAY)],
      ['UPDATED', plus(START, 4 * DAY)],
      ['ARCHIVED', null],
    ]);
    const refused = await user.gql(WATER_MANY, { ids: [plant.id] });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'userPlantIds' });
  });

  it('uses the hemisphere and timezone from the latest profile event, ignoring stale ones', async () => {
    h.clock.set('2026-04-15T13:00:00Z'); // already 16 April, 01:00, in Auckland
    const user = await h.user();
    const profile = (changedAt: string, hemisphere: 'NORTHERN' | 'SOUTHERN'): UserProfileEvent => ({
      userId: user.id,
      timezone: 'Pacific/Auckland',
      hemisphere,
      language: 'en',
      notificationsEnabled: true,
      notifyInApp: true,
      changedAt,
    });
    await h.coordination.events.publish(USER_PROFILE_STREAM, profile('2026-04-02T00:00:00Z', 'SOUTHERN'));
    await h.coordination.events.publish(USER_PROFILE_STREAM, profile('2026-04-01T00:00:00Z', 'NORTHERN')); // older: ignored
    await h.drain();
    const plant = await addPlant(user);
    // April is autumn in the south: 14 × 1.1 = 15.4 → 15 days.
    expect(plant.wateringStatus).toMatchObject({ season: 'AUTUMN', intervalDays: 15, timeZone: 'Pacific/Auckland' });
    const watered = await water(user, plant.id, { wateredAt: '2026-04-14T20:00:00Z' }); // 15 April in Auckland
    expect(watered.userPlant.wateringStatus?.daysUntilDue).toBe(14);
  });
});
