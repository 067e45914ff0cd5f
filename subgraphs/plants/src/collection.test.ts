/** Integration: a user's collection — listing and filters, every validation error, and who may see or touch what. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, routerGql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { SET_CARE_TASK } from './testing/care-operations.js';
import { ok, START, startPlantsHarness, type PlantsHarness, type TestUser } from './testing/harness.js';
import * as op from './testing/operations.js';
import { addPlant, getPlant, speciesId, water } from './testing/operations.js';

interface PlantList {
  _entities: {
    plants: {
      totalCount: number;
      edges: { node: { id: string; nickname: string; location: string | null } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }[];
}

const FUTURE = '2026-05-01T00:00:00Z';
const NOT_AN_ID = 'not-an-id';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe.each(testDatabaseKinds())('collection (%s)', (kind) => {
  let h: PlantsHarness;
  let owner: TestUser;
  let stranger: TestUser;
  let plantId: string;
  let wateringId: string;
  let entryId: string;

  const plantsOf = async (viewer: TestUser, userId: string, args: Record<string, unknown> = {}) =>
    viewer.gql<PlantList>(op.USER_PLANTS, { user: { __typename: 'User', id: userId }, ...args });

  beforeAll(async () => {
    h = await startPlantsHarness(kind);
    h.clock.set(START);
    [owner, stranger] = [await h.user(), await h.user()];
    plantId = (await addPlant(owner, { nickname: 'Sammy', location: 'Kitchen' })).id;
    wateringId = (await water(owner, plantId)).id;
    entryId = ok(
      await owner.gql<{ recordGrowth: { id: string } }>(op.RECORD, {
        input: { userPlantId: plantId, type: 'OBSERVATION', notes: 'New leaf' },
      }),
    ).recordGrowth.id;
  });
  afterAll(() => h?.close());

  it('lists the collection newest first with paging, room and archive filters', async () => {
    const user = await h.user();
    const names = ['A', 'B', 'C', 'D'];
    for (const [i, nickname] of names.entries())
      await addPlant(user, { nickname, location: i % 2 ? 'Bedroom' : 'Living room' });
    const first = ok(await plantsOf(user, user.id, { first: 3 }))._entities[0]?.plants;
    expect(first?.edges.map((e) => e.node.nickname)).toEqual(['D', 'C', 'B']);
    expect(first?.totalCount).toBe(4);
    const second = ok(await plantsOf(user, user.id, { first: 3, after: first?.pageInfo.endCursor }))._entities[0]
      ?.plants;
    expect(second?.edges.map((e) => e.node.nickname)).toEqual(['A']);
    expect(second?.pageInfo.hasNextPage).toBe(false);
    const living = ok(await plantsOf(user, user.id, { location: ' living ROOM ' }))._entities[0]?.plants;
    expect(living?.edges.map((e) => e.node.nickname)).toEqual(['C', 'A']);
    expect(ok(await plantsOf(user, user.id, { location: 'Living_room' }))._entities[0]?.plants.totalCount).toBe(0);
    const c = living?.edges[0]?.node.id ?? '';
    ok(await user.gql(op.ARCHIVE, { id: c }));
    expect(ok(await plantsOf(user, user.id))._entities[0]?.plants.totalCount).toBe(3);
    expect(ok(await plantsOf(user, user.id, { includeArchived: true }))._entities[0]?.plants.totalCount).toBe(4);
  });

  it("filters plants that need water now (due today or overdue, in the owner's calendar)", async () => {
    h.clock.set(START);
    const user = await h.user();
    const [thirsty, fine, later] = [
      await addPlant(user, { nickname: 'thirsty' }),
      await addPlant(user, { nickname: 'fine' }),
      await addPlant(user, { nickname: 'later' }),
    ];
    await water(user, fine.id);
    await water(user, later.id, { wateredAt: '2026-04-10T00:00:00Z' });
    const due = ok(await plantsOf(user, user.id, { needsWater: true }))._entities[0]?.plants;
    expect(due?.edges.map((e) => e.node.id)).toEqual([thirsty.id]);
    const notDue = ok(await plantsOf(user, user.id, { needsWater: false, first: 1 }))._entities[0]?.plants;
    expect(notDue?.totalCount).toBe(2);
    const next = ok(await plantsOf(user, user.id, { needsWater: false, first: 1, after: notDue?.pageInfo.endCursor }))
      ._entities[0]?.plants;
    expect([...(notDue?.edges ?? []), ...(next?.edges ?? [])].map((e) => e.node.id)).toEqual([later.id, fine.id]);

    // Watering turned off: the plant is overdue on paper but needs nothing, so it moves to the others.
    ok(await user.gql(SET_CARE_TASK, { input: { userPlantId: thirsty.id, task: 'WATER', enabled: false } }));
    expect(ok(await plantsOf(user, user.id, { needsWater: true }))._entities[0]?.plants.totalCount).toBe(0);
    const others = ok(await plantsOf(user, user.id, { needsWater: false }))._entities[0]?.plants;
    expect(others?.edges.map((e) => e.node.id)).toEqual([later.id, fine.id, thirsty.id]);
    ok(await user.gql(SET_CARE_TASK, { input: { userPlantId: thirsty.id, task: 'WATER', enabled: true } }));
    const back = ok(await plantsOf(user, user.id, { needsWater: true }))._entities[0]?.plants;
    expect(back?.edges.map((e) => e.node.id)).toEqual([thirsty.id]);
  });

  it("shows a user's plants only to them and to admins", async () => {
    expect(errorCode(await plantsOf(stranger, owner.id))).toBe('FORBIDDEN');
    expect(errorCode(await plantsOf(h.anonymous, owner.id))).toBe('UNAUTHENTICATED');
    const admin = await h.user('ADMIN');
    expect(ok(await plantsOf(admin, owner.id))._entities[0]?.plants.edges.map((e) => e.node.id)).toEqual([plantId]);
    expect((await getPlant(admin, plantId))?.id).toBe(plantId);
  });

  it("treats another user's plant, watering or growth entry exactly like a missing one", async () => {
    for (const id of [plantId, MISSING_ID, 'not-an-id']) {
      const read = await stranger.gql<{ userPlant: null }>(op.GET, { id });
      expect(errorCode(read), id).toBe('NOT_FOUND');
      expect(read.data?.userPlant ?? null).toBeNull();
    }
    const refs = await stranger.gql<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on UserPlant { id } } }`,
      {
        r: [{ __typename: 'UserPlant', id: plantId }],
      },
    );
    expect(refs.data?._entities).toEqual([null]);
    const attempts: [string, Record<string, unknown>][] = [
      [op.UPDATE, { id: plantId, input: { nickname: 'Mine now' } }],
      [op.ARCHIVE, { id: plantId }],
      [op.WATER, { input: { userPlantId: plantId } }],
      [op.WATER_MANY, { ids: [plantId] }],
      [op.SNOOZE, { id: plantId, days: 2 }],
      [op.UPDATE_WATERING, { id: wateringId, input: { amountMl: 5 } }],
      [op.DELETE_WATERING, { id: wateringId }],
      [op.RECORD, { input: { userPlantId: plantId, type: 'OBSERVATION', notes: 'hi' } }],
      [op.UPDATE_GROWTH, { id: entryId, input: { notes: 'x' } }],
      [op.DELETE_GROWTH, { id: entryId }],
    ];
    for (const [mutation, variables] of attempts) {
      expect(errorCode(await stranger.gql(mutation, variables)), mutation).toBe('NOT_FOUND');
    }
    expect(errorCode(await owner.gql(op.ARCHIVE, { id: NOT_AN_ID }))).toBe('NOT_FOUND');
    expect(errorCode(await owner.gql(op.DELETE_WATERING, { id: MISSING_ID }))).toBe('NOT_FOUND');
    expect(errorCode(await owner.gql(op.WATER_MANY, { ids: [NOT_AN_ID] }))).toBe('NOT_FOUND');
    expect((await getPlant(owner, plantId))?.nickname).toBe('Sammy');
  });

  it('needs plants:write for changes when called with an API key', async () => {
    h.auth.addApiKey('bzk_reader_secret', {
      active: true,
      userId: owner.id,
      role: 'USER',
      apiKeyId: '1f0a6a3e-1a7d-4a9e-9f3c-2b7c5d1e8a90',
      scopes: ['plants:read'],
    });
    const headers = { 'x-api-key': 'bzk_reader_secret' };
    expect(
      (await routerGql<{ userPlant: { id: string } }>(h.service, op.GET, { id: plantId }, headers)).data?.userPlant.id,
    ).toBe(plantId);
    expect(errorCode(await routerGql(h.service, op.WATER, { input: { userPlantId: plantId } }, headers))).toBe(
      'FORBIDDEN',
    );
  });

  it('answers `me { plants }` for the caller, as auth answers `me`: null unsigned, profile:read for API keys', async () => {
    const ME_PLANTS = '{ me { id plants(first: 5) { edges { node { id } } } } }';
    type MePlants = { me: { id: string; plants: { edges: { node: { id: string } }[] } } | null };
    const mine = ok(await owner.gql<MePlants>(ME_PLANTS)).me;
    expect(mine?.id).toBe(owner.id);
    expect(mine?.plants.edges.map((e) => e.node.id)).toContain(plantId);
    expect((await h.anonymous.gql<MePlants>(ME_PLANTS)).data?.me).toBeNull();
    h.auth.addApiKey('bzk_plants_only', {
      active: true,
      userId: owner.id,
      role: 'USER',
      apiKeyId: '5c2d7a61-8e1b-4f3a-9d0c-6b4e2a9f1c37',
      scopes: ['plants:read'],
    });
    expect(errorCode(await routerGql(h.service, ME_PLANTS, {}, { 'x-api-key': 'bzk_plants_only' }))).toBe('FORBIDDEN');
  });

  const invalid: [string, string, () => Record<string, unknown>][] = [
    ['input.nickname', op.ADD, () => ({ input: { plantId: 'x', nickname: ' ' } })],
    ['input.photoUrl', op.ADD, () => ({ input: { plantId: 'x', photoUrl: 'javascript:alert(1)' } })],
    ['input.acquiredOn', op.ADD, () => ({ input: { plantId: 'x', acquiredOn: FUTURE } })],
    ['input.customWateringIntervalDays', op.ADD, () => ({ input: { plantId: 'x', customWateringIntervalDays: 61 } })],
    ['input.roomTemperatureC', op.ADD, () => ({ input: { plantId: 'x', roomTemperatureC: 75 } })],
    ['input.location', op.ADD, () => ({ input: { plantId: 'x', location: 'x'.repeat(101) } })],
    ['input.notes', op.ADD, () => ({ input: { plantId: 'x', notes: 'x'.repeat(2001) } })],
    ['input.nickname', op.UPDATE, () => ({ id: plantId, input: { nickname: null } })],
    ['input.healthStatus', op.UPDATE, () => ({ id: plantId, input: { healthStatus: null } })],
    ['input.plantId', op.UPDATE, () => ({ id: plantId, input: { plantId: null } })],
    ['input.amountMl', op.WATER, () => ({ input: { userPlantId: plantId, amountMl: 10_001 } })],
    ['input.amountMl', op.WATER, () => ({ input: { userPlantId: plantId, amountMl: -1 } })],
    ['input.wateredAt', op.WATER, () => ({ input: { userPlantId: plantId, wateredAt: FUTURE } })],
    ['input.notes', op.WATER, () => ({ input: { userPlantId: plantId, notes: 'x'.repeat(1001) } })],
    ['userPlantIds', op.WATER_MANY, () => ({ ids: [] })],
    [
      'userPlantIds',
      op.WATER_MANY,
      () => ({ ids: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) }),
    ],
    ['wateredAt', op.WATER_MANY, () => ({ ids: [plantId], at: FUTURE })],
    ['days', op.SNOOZE, () => ({ id: plantId, days: 0 })],
    ['days', op.SNOOZE, () => ({ id: plantId, days: 31 })],
    ['input.wateredAt', op.UPDATE_WATERING, () => ({ id: wateringId, input: { wateredAt: null } })],
    ['input.wateredAt', op.UPDATE_WATERING, () => ({ id: wateringId, input: { wateredAt: FUTURE } })],
    ['input.amountMl', op.UPDATE_WATERING, () => ({ id: wateringId, input: { amountMl: 20_000 } })],
    ['first', op.WATERINGS, () => ({ id: plantId, first: 101 })],
    ['after', op.WATERINGS, () => ({ id: plantId, after: 'bogus' })],
    // A cursor of the right shape whose id is not a plant id.
    [
      'after',
      op.USER_PLANTS,
      () => ({
        user: { __typename: 'User', id: owner.id },
        after: Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url'),
      }),
    ],
  ];
  it.each(invalid)('refuses a bad %s (%#)', async (field, operation, variables) => {
    const res = await owner.gql(operation, variables());
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses an unknown species with NOT_FOUND and defaults the nickname to its common name', async () => {
    expect(errorCode(await owner.gql(op.ADD, { input: { plantId: MISSING_ID } }))).toBe('NOT_FOUND');
    const monstera = await speciesId(owner, 'Monstera deliciosa');
    expect(
      ok(await owner.gql<{ addUserPlant: { nickname: string } }>(op.ADD, { input: { plantId: monstera } })).addUserPlant
        .nickname,
    ).toBe('Swiss cheese plant');
  });
});
