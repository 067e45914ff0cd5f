/**
 * Integration: `totalCount` of a plant's watering log and growth journal — right totals (the journal's honour its
 * filters), and the totals of every plant in a response cost one statement, not one per plant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { ok, startPlantsHarness, type PlantsHarness, type TestUser } from './testing/harness.js';
import { speciesId } from './testing/operations.js';

const TOTALS = `query($r: [_Any!]!, $type: GrowthEntryType, $from: DateTime) { _entities(representations: $r) {
  ... on UserPlant {
    waterings(first: 1) { totalCount edges { node { id } } }
    growthEntries(first: 1, type: $type, from: $from) { totalCount }
  }
} }`;

interface Totals {
  waterings: { totalCount: number; edges: unknown[] };
  growthEntries: { totalCount: number };
}

const DAY = 86_400_000;

describe.each(testDatabaseKinds())('waterings and growth journal totalCount (%s)', (kind) => {
  let h: PlantsHarness;
  let user: TestUser;
  let plantIds: string[];
  beforeAll(async () => {
    h = await startPlantsHarness(kind);
    user = await h.user();
    const species = await speciesId(user, 'Monstera deliciosa');
    const db = h.service.runtime.db;
    const now = h.clock.now().getTime();
    // Plant i has i waterings and i growth entries (every other one a photo), so each total is distinct.
    const plants = await db.userPlant.createManyAndReturn({
      data: Array.from({ length: 30 }, (_, i) => ({ userId: user.id, plantId: species, nickname: `Plant ${i}` })),
    });
    plantIds = plants.map((p) => p.id);
    await db.watering.createMany({
      data: plants.flatMap((p, i) =>
        Array.from({ length: i }, (_, d) => ({ userPlantId: p.id, wateredAt: new Date(now - (d + 1) * DAY) })),
      ),
    });
    await db.growthEntry.createMany({
      data: plants.flatMap((p, i) =>
        Array.from({ length: i }, (_, d) => ({
          userPlantId: p.id,
          type: d % 2 === 0 ? ('MEASUREMENT' as const) : ('PHOTO' as const),
          recordedAt: new Date(now - (d + 1) * DAY),
          heightCm: 10,
          photoUrl: d % 2 === 0 ? null : 'https://example.com/p.jpg',
        })),
      ),
    });
  });
  afterAll(() => h?.close());

  async function totals(n: number, variables: object = {}) {
    h.statements.length = 0;
    const refs = plantIds.slice(0, n).map((id) => ({ __typename: 'UserPlant', id }));
    const data = ok(await user.gql<{ _entities: Totals[] }>(TOTALS, { r: refs, ...variables }));
    return { entities: data._entities, statements: h.statements.length };
  }

  it('counts every watering and journal entry of each plant, on all pages', async () => {
    const { entities } = await totals(6);
    expect(entities.map((e) => e.waterings.totalCount)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(entities.map((e) => e.waterings.edges.length)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(entities.map((e) => e.growthEntries.totalCount)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("counts only the journal entries the list's filters keep", async () => {
    const photos = await totals(6, { type: 'PHOTO' });
    expect(photos.entities.map((e) => e.growthEntries.totalCount)).toEqual([0, 0, 1, 1, 2, 2]);
    const from = new Date(h.clock.now().getTime() - 2.5 * DAY).toISOString();
    const recent = await totals(6, { from });
    expect(recent.entities.map((e) => e.growthEntries.totalCount)).toEqual([0, 1, 2, 2, 2, 2]);
    // Waterings have no filters: their totals do not change.
    expect(recent.entities.map((e) => e.waterings.totalCount)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('counts for 2 or 30 plants in the same number of statements', async () => {
    const two = await totals(2);
    const thirty = await totals(30);
    expect(thirty.entities[29]?.waterings.totalCount).toBe(29);
    console.info(
      `statements for waterings/growthEntries totalCount: 2 plants → ${two.statements}, 30 → ${thirty.statements}`,
    );
    expect(thirty.statements).toBe(two.statements);
  });
});
