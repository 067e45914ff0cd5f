/**
 * Integration: the number of SQL statements a list query costs must not grow with the number of plants — the N+1
 * guard the issue asks for. `me { plants }` reaches this subgraph as an `_entities` call on User, so that is queried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { ok, startPlantsHarness, type PlantsHarness, type TestUser } from './testing/harness.js';
import { speciesId } from './testing/operations.js';

// The plants part of the dashboard (README, Performance): what the router asks of this subgraph for it.
const MY_PLANTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User {
  plants(first: 50) { edges { node {
    nickname
    plant { commonNames scientificName }
    wateringStatus { urgency dueDate }
    waterings(first: 3) { edges { node { wateredAt } } }
  } } }
} } }`;

const PLANT_REFS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on UserPlant {
  nickname lastWateredAt growthSummary { entryCount } growthEntries(first: 2) { edges { node { id } } }
} } }`;

describe.each(testDatabaseKinds())('statement counts (%s)', (kind) => {
  let h: PlantsHarness;
  let species: string[];
  beforeAll(async () => {
    h = await startPlantsHarness(kind);
    const someone = await h.user();
    species = await Promise.all(
      ['Dracaena trifasciata', 'Monstera deliciosa', 'Epipremnum aureum', 'Ficus lyrata'].map((n) =>
        speciesId(someone, n),
      ),
    );
  });
  afterAll(() => h?.close());

  /** A user with `count` plants of mixed species, each watered four times, plus a growth entry. */
  async function userWith(count: number): Promise<{ user: TestUser; plantIds: string[] }> {
    const user = await h.user();
    const db = h.service.runtime.db;
    const now = h.clock.now().getTime();
    const plants = await db.userPlant.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({
        userId: user.id,
        plantId: species[i % species.length] ?? '',
        nickname: `Plant ${i}`,
      })),
    });
    await db.watering.createMany({
      data: plants.flatMap((p) =>
        [1, 8, 15, 22].map((days) => ({ userPlantId: p.id, wateredAt: new Date(now - days * 86_400_000) })),
      ),
    });
    await db.growthEntry.createMany({
      data: plants.map((p) => ({
        userPlantId: p.id,
        type: 'MEASUREMENT' as const,
        recordedAt: new Date(now),
        heightCm: 10,
      })),
    });
    return { user, plantIds: plants.map((p) => p.id) };
  }

  async function statementsFor(user: TestUser, query: string, representations: object[]) {
    h.statements.length = 0;
    const data = ok(await user.gql<{ _entities: unknown[] }>(query, { r: representations }));
    return { data, count: h.statements.length };
  }

  it('lists 5 or 50 plants with their species, status and last waterings in the same number of statements', async () => {
    const small = await userWith(5);
    const large = await userWith(50);
    const five = await statementsFor(small.user, MY_PLANTS, [{ __typename: 'User', id: small.user.id }]);
    const fifty = await statementsFor(large.user, MY_PLANTS, [{ __typename: 'User', id: large.user.id }]);
    const edges = (r: typeof fifty) =>
      (r.data._entities[0] as { plants: { edges: { node: { waterings: { edges: unknown[] } } }[] } }).plants.edges;
    expect(edges(five)).toHaveLength(5);
    expect(edges(fifty)).toHaveLength(50);
    expect(edges(fifty).every((e) => e.node.waterings.edges.length === 3)).toBe(true);
    console.info(
      `statements for plants(first: 50) with species, status and waterings(first: 3): 5 plants → ${five.count}, 50 plants → ${fifty.count}`,
    );
    expect(fifty.count).toBe(five.count);
    // The plants page, their species, their owner's profile, and one page of recent waterings shared by the status
    // and `waterings(first: 3)`.
    expect(fifty.count).toBeLessThanOrEqual(4);
  });

  it('resolves a batch of UserPlant references with their lists in the same number of statements', async () => {
    const { user, plantIds } = await userWith(30);
    const refs = (n: number) => plantIds.slice(0, n).map((id) => ({ __typename: 'UserPlant', id }));
    const two = await statementsFor(user, PLANT_REFS, refs(2));
    const thirty = await statementsFor(user, PLANT_REFS, refs(30));
    expect(thirty.data._entities.every((e) => e !== null)).toBe(true);
    expect(thirty.count).toBe(two.count);
  });
});
