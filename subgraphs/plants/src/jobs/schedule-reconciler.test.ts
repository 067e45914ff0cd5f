/**
 * Integration: the schedule reconciler gets every committed change to notifications at least once — after a failed
 * publish, a crash between commit and publish, a season change, a profile change — without duplicates between
 * instances, and at a cost in statements that does not grow with the number of plants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_PROFILE_STREAM, type UserProfileEvent } from '@bloomzy/shared/messaging/topics';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { createPlantsDb, type PlantsDb } from '../db/client.js';
import { SCHEDULE_VERSION_BUMP, stampForPublish } from '../db/schedule-publication.js';
import { PUBLISH_LEASE_MS } from '../events/care-schedule-events.js';
import { ok, START, startPlantsHarness, type PlantsHarness, type TestUser } from '../testing/harness.js';
import {
  addPlant,
  ARCHIVE,
  DELETE_WATERING,
  SNOOZE,
  speciesId,
  UPDATE,
  UPDATE_WATERING,
  water,
  WATER_MANY,
} from '../testing/operations.js';
import { createScheduleReconciler } from './schedule-reconciler.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

describe.each(testDatabaseKinds())('schedule reconciler (%s)', (kind) => {
  let h: PlantsHarness;
  beforeAll(async () => (h = await startPlantsHarness(kind)));
  afterAll(() => h?.close());

  /** One reconcile run, its events delivered. */
  const reconcile = async () => {
    const report = await h.service.reconciler.runOnce();
    await h.drain();
    return report;
  };
  /** Publishes whatever earlier tests (or a moved clock) left due, then forgets all events so far. */
  const settle = async () => {
    await reconcile();
    h.events.length = 0;
  };
  /** Events so far about these plants, by plant (only those with events), each as [reason, nextWateringAt]. */
  const eventsAbout = async (...ids: string[]) => {
    await h.drain();
    const byPlant: Record<string, [string, string | null][]> = {};
    for (const e of h.events)
      if (ids.includes(e.userPlantId)) (byPlant[e.userPlantId] ??= []).push([e.reason, e.nextWateringAt]);
    return byPlant;
  };
  const archive = async (user: TestUser, id: string) => ok(await user.gql(ARCHIVE, { id }));

  it('finds nothing to do after changes whose own events went out, of every kind', async () => {
    h.clock.set(START);
    await settle();
    const user = await h.user();
    const [a, b] = [await addPlant(user), await addPlant(user)];
    const watering = await water(user, a.id, { wateredAt: plus(START, -DAY) });
    ok(await user.gql(WATER_MANY, { ids: [a.id, b.id] }));
    ok(await user.gql(SNOOZE, { id: a.id, days: 2 }));
    ok(await user.gql(UPDATE, { id: a.id, input: { potSize: 'LARGE', notes: 'Repotted' } }));
    ok(await user.gql(UPDATE, { id: a.id, input: { potSize: 'LARGE' } })); // same value: no event, nothing unpublished
    ok(await user.gql(UPDATE_WATERING, { id: watering.id, input: { wateredAt: plus(START, -2 * DAY) } }));
    ok(await user.gql(DELETE_WATERING, { id: watering.id }));
    await archive(user, b.id);
    expect(Object.values(await eventsAbout(a.id, b.id)).flat()).toHaveLength(10);
    expect(await reconcile()).toMatchObject({ due: 0, published: 0 });
  });

  it('publishes a change whose publish failed after the commit, exactly once', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await addPlant(user);
    await settle();
    h.clock.advance(HOUR);
    h.outbox.failNext();
    const watered = await water(user, plant.id); // the user's change stands although its event was lost
    const next = plus(START, HOUR + 13 * DAY);
    expect(watered.userPlant.nextWateringAt).toBe(next);
    expect(await eventsAbout(plant.id)).toEqual({});

    expect(await reconcile()).toMatchObject({ due: 1, published: 1, failed: 0 });
    expect(await eventsAbout(plant.id)).toEqual({ [plant.id]: [['RECONCILED', next]] });
    // Stamped after the lost event's stamp (START + 1 h), so notifications cannot take it for a stale one.
    expect(h.events.find((e) => e.userPlantId === plant.id)?.changedAt).toBe(plus(START, HOUR + 1));
    expect(await reconcile()).toMatchObject({ due: 0, published: 0 });
    expect(h.events).toHaveLength(1);
  });

  it('keeps a change unpublished while the bus is down, and publishes it on the first run after', async () => {
    h.clock.set(START);
    const user = await h.user();
    const plant = await addPlant(user);
    await settle();
    h.outbox.failNext(2);
    await water(user, plant.id);
    expect(await reconcile()).toMatchObject({ due: 1, published: 0, failed: 1 });
    expect(await reconcile()).toMatchObject({ due: 1, published: 1, failed: 0 });
    expect(await eventsAbout(plant.id)).toEqual({ [plant.id]: [['RECONCILED', plus(START, 13 * DAY)]] });
  });

  it('sends archived plants their null event, whether or not notifications ever heard of them', async () => {
    h.clock.set(START);
    const user = await h.user();
    await settle();
    h.outbox.failNext(2); // both the ADDED and the ARCHIVED event of `unknown` are lost
    const unknown = await addPlant(user);
    await archive(user, unknown.id);
    const known = await addPlant(user); // its ADDED event goes out…
    h.outbox.failNext();
    await archive(user, known.id); // …its ARCHIVED one does not
    const settled = await addPlant(user);
    await archive(user, settled.id);
    await h.drain(); // the events that were written go out; only the reconciler's are of interest below
    h.events.length = 0;
    await reconcile();
    expect(await eventsAbout(unknown.id, known.id, settled.id)).toEqual({
      [unknown.id]: [['RECONCILED', null]],
      [known.id]: [['RECONCILED', null]],
    });
    expect(await reconcile()).toMatchObject({ due: 0 });
  });

  it('recovers from a crash between commit and publish, waiting out the lease of a publisher that died mid-way', async () => {
    h.clock.set(START);
    const user = await h.user();
    const [beforeStamp, afterStamp] = [await addPlant(user), await addPlant(user)];
    await settle();
    // Both waterings commit (marked unpublished in the same transaction); the process dies before publishing
    // `beforeStamp`, and after stamping `afterStamp` but before publishing it.
    const db = h.service.runtime.db;
    for (const id of [beforeStamp.id, afterStamp.id]) {
      await db.$transaction([
        db.watering.create({ data: { userPlantId: id, wateredAt: h.clock.now() } }),
        db.userPlant.update({ where: { id }, data: SCHEDULE_VERSION_BUMP }),
      ]);
    }
    await stampForPublish(db, [afterStamp.id], h.clock.now(), new Date(h.clock.now().getTime() + PUBLISH_LEASE_MS));
    const next = plus(START, 13 * DAY);
    expect(await reconcile()).toMatchObject({ due: 2, published: 1 });
    expect(await eventsAbout(beforeStamp.id, afterStamp.id)).toEqual({ [beforeStamp.id]: [['RECONCILED', next]] });
    h.clock.advance(PUBLISH_LEASE_MS);
    expect(await reconcile()).toMatchObject({ due: 1, published: 1 });
    expect(await eventsAbout(afterStamp.id)).toEqual({ [afterStamp.id]: [['RECONCILED', next]] });
  });

  it('publishes the season change of a watered plant, and nothing for plants whose date did not move', async () => {
    h.clock.set('2026-02-27T10:00:00Z'); // northern winter: snake plant 14 × 1.3 = 18.2 → 18 days
    const user = await h.user();
    // Acquired in January: fed every 30 days, the snake plant's feeding is due (paused until 1 March) and stays due in
    // spring, so only watering can move.
    const acquiredOn = '2026-01-10T10:00:00Z';
    const seasonal = await addPlant(user, { acquiredOn });
    expect((await water(user, seasonal.id)).userPlant.nextWateringAt).toBe('2026-03-17T10:00:00.000Z');
    const custom = await addPlant(user, { customWateringIntervalDays: 5, acquiredOn });
    await water(user, custom.id);
    const neverWatered = await addPlant(user, { acquiredOn }); // due "now" at every run
    await settle();
    expect(await reconcile()).toMatchObject({ due: 0 });

    h.clock.set('2026-03-02T10:00:00Z'); // spring: 14 × 0.9 = 12.6 → 13 days after the watering
    await reconcile();
    expect(await eventsAbout(seasonal.id, custom.id, neverWatered.id)).toEqual({
      [seasonal.id]: [['RECONCILED', '2026-03-12T10:00:00.000Z']],
    });
    h.events.length = 0;
    await reconcile();
    expect(await eventsAbout(seasonal.id, custom.id, neverWatered.id)).toEqual({});
  });

  it('publishes the winter feeding pause of a plant whose watering did not move', async () => {
    h.clock.set('2026-11-30T10:00:00Z');
    const user = await h.user();
    // Never watered (due "now" either way); fed every 30 days from 20 November: due 20 December, until winter starts.
    const plant = await addPlant(user, { acquiredOn: '2026-11-20T10:00:00Z' });
    await settle();
    const feeding = () =>
      h.events.filter((e) => e.userPlantId === plant.id).map((e) => e.otherTasks?.find((t) => t.task === 'FERTILIZE'));
    h.clock.set('2026-12-01T10:00:00Z');
    await reconcile();
    expect(feeding()).toEqual([{ task: 'FERTILIZE', dueAt: '2027-03-01T00:00:00.000Z' }]);
    expect(await reconcile()).toMatchObject({ published: 0 });
  });

  it("republishes a user's plants when a profile event changes their hemisphere, not when only the language changes", async () => {
    h.clock.set(START); // April: spring in the north, autumn in the south
    const user = await h.user();
    const neighbour = await h.user();
    const plant = await addPlant(user);
    await water(user, plant.id);
    const custom = await addPlant(user, { customWateringIntervalDays: 5 });
    await water(user, custom.id);
    const theirs = await addPlant(neighbour);
    await water(neighbour, theirs.id);
    await settle();
    const profile = (changedAt: string, hemisphere: 'NORTHERN' | 'SOUTHERN', language: string): UserProfileEvent => ({
      userId: user.id,
      timezone: 'UTC',
      hemisphere,
      language,
      notificationsEnabled: true,
      notifyInApp: true,
      changedAt,
    });

    await h.coordination.events.publish(USER_PROFILE_STREAM, profile('2026-04-15T08:00:00Z', 'SOUTHERN', 'en'));
    await h.drain();
    await reconcile();
    // 14 × 1.1 = 15.4 → 15 days; the custom interval does not move, but its inputs changed, so it is confirmed too.
    expect(await eventsAbout(plant.id, custom.id, theirs.id)).toEqual({
      [plant.id]: [['RECONCILED', plus(START, 15 * DAY)]],
      [custom.id]: [['RECONCILED', plus(START, 5 * DAY)]],
    });

    h.events.length = 0;
    await h.coordination.events.publish(USER_PROFILE_STREAM, profile('2026-04-15T08:30:00Z', 'SOUTHERN', 'de'));
    await h.drain();
    expect(await reconcile()).toMatchObject({ due: 0 });
  });

  it('runs as soon as it is started, and stopping waits for the run in progress', async () => {
    h.clock.set(START);
    await settle();
    const user = await h.user();
    h.outbox.failNext();
    const plant = await addPlant(user);
    const reconciler = createScheduleReconciler(h.service.runtime, { intervalMs: 60_000 });
    reconciler.start();
    await reconciler.stop();
    expect(await eventsAbout(plant.id)).toEqual({ [plant.id]: [['RECONCILED', START]] });
    expect(await reconciler.runOnce()).toMatchObject({ scanned: 0 }); // a stopped reconciler does nothing
  });

  it('lets two reconcilers run at once without publishing any change twice', async () => {
    h.clock.set(START);
    await settle();
    const user = await h.user();
    const species = await speciesId(user, 'Monstera deliciosa');
    const db = h.service.runtime.db;
    // Written straight to the table: rows start unpublished, as after adds whose events were all lost.
    const plants = await db.userPlant.createManyAndReturn({
      data: Array.from({ length: 60 }, (_, i) => ({ userId: user.id, plantId: species, nickname: `Plant ${i}` })),
    });
    // Two instances: each its own client and connection pool, same database and bus; small batches, so that they
    // interleave page by page and race for the same plants.
    const otherDb = createPlantsDb(h.database.adapter);
    const instance = (instanceDb: PlantsDb) =>
      createScheduleReconciler({ ...h.service.runtime, db: instanceDb }, { intervalMs: 60_000, batchSize: 10 });
    try {
      const [a, b] = await Promise.all([instance(db).runOnce(), instance(otherDb).runOnce()]);
      await h.drain();
      console.info(
        `two concurrent reconcilers over 60 unpublished plants (${kind}): published ${a.published} + ${b.published}`,
      );
      expect(a.published + b.published).toBe(60);
      const ids = h.events.map((e) => e.userPlantId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(plants.map((p) => p.id)));
    } finally {
      await otherDb.$disconnect();
    }
  });
});

describe.each(testDatabaseKinds())('schedule reconciler statement count (%s)', (kind) => {
  let h: PlantsHarness;
  let species: string;
  let userId: string;
  beforeAll(async () => {
    h = await startPlantsHarness(kind);
    const user = await h.user();
    userId = user.id;
    species = await speciesId(user, 'Dracaena trifasciata');
  });
  afterAll(() => h?.close());

  /** Adds `count` plants, each watered four times, unpublished (as if all their events were lost). */
  async function addPlants(count: number): Promise<void> {
    const db = h.service.runtime.db;
    const now = h.clock.now().getTime();
    const plants = await db.userPlant.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({ userId, plantId: species, nickname: `Plant ${i}` })),
    });
    await db.watering.createMany({
      data: plants.flatMap((p) =>
        [1, 8, 15, 22].map((days) => ({ userPlantId: p.id, wateredAt: new Date(now - days * DAY) })),
      ),
    });
  }

  async function statementsOfRun() {
    h.statements.length = 0;
    const report = await h.service.reconciler.runOnce();
    return { report, count: h.statements.length };
  }

  it('costs the same statements for 20 or 200 due plants, and grows per batch of 200, not per plant', async () => {
    h.clock.set(START);
    await addPlants(20);
    const twenty = await statementsOfRun();
    await addPlants(180);
    const twoHundred = await statementsOfRun();
    const idle = await statementsOfRun();
    await addPlants(800);
    const thousand = await statementsOfRun();
    console.info(
      `statements per reconcile run (${kind}): 20 due → ${twenty.count}, 200 (180 due) → ${twoHundred.count}, ` +
        `200 none due → ${idle.count}, 1000 (800 due) → ${thousand.count}`,
    );
    expect(twenty.report).toMatchObject({ scanned: 20, published: 20 });
    expect(twoHundred.report).toMatchObject({ scanned: 200, published: 180 });
    expect(idle.report).toMatchObject({ scanned: 200, published: 0 });
    expect(thousand.report).toMatchObject({ scanned: 1000, published: 800 });
    expect(twoHundred.count).toBe(twenty.count);
    expect(idle.count).toBeLessThan(twenty.count);
    expect(thousand.count).toBeLessThanOrEqual(5 * twenty.count);
  });
});
