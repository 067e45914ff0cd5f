/**
 * Issue 3 end to end, as a client of the router: browse the catalog, build a collection, log care, read a correct
 * next watering with its urgency, keep a growth journal — and never see another user's plants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '@bloomzy/shared/testing/graphql-client';
import { signupUser, startStack, type Stack } from './harness.js';

const DAY = 86_400_000;
const PLANT =
  'id nickname location lastWateredAt nextWateringAt wateringStatus { urgency daysUntilDue intervalDays snoozedUntil } owner { id username }';
const ADD = `mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { ${PLANT} } }`;
const WATER = `mutation($input: WaterPlantInput!) { waterPlant(input: $input) { id userPlant { ${PLANT} } } }`;
type Plant = {
  id: string;
  nickname: string;
  lastWateredAt: string | null;
  nextWateringAt: string;
  wateringStatus: { urgency: string; daysUntilDue: number; intervalDays: number; snoozedUntil: string | null };
  owner: { id: string; username: string };
};

describe('plants through the router', () => {
  let stack: Stack;
  let user: Awaited<ReturnType<typeof signupUser>>;
  let speciesId: string;
  beforeAll(async () => {
    stack = await startStack({ env: { ADMIN_EMAILS: 'curator@bloomzy.test' } });
    user = await signupUser(stack);
    const found = await stack.query<{
      indoorPlants: { totalCount: number; edges: { node: { id: string; scientificName: string } }[] };
    }>(
      '{ indoorPlants(filter: { text: "Monstera deliciosa" }, first: 5) { totalCount edges { node { id scientificName } } } }',
    );
    speciesId = found.data!.indoorPlants.edges[0]!.node.id;
    expect(found.data!.indoorPlants.edges[0]!.node.scientificName).toBe('Monstera deliciosa');
  });
  afterAll(() => stack?.stop());

  const add = async (nickname: string, location = 'Kitchen') => {
    const res = await stack.query<{ addUserPlant: Plant }>(
      ADD,
      { input: { plantId: speciesId, nickname, location } },
      user.headers,
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.addUserPlant;
  };

  it('browses and pages the catalog without signing in', async () => {
    const page1 = await stack.query<{
      indoorPlants: {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      '{ indoorPlants(first: 10, filter: { petSafe: true }) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(page1.data!.indoorPlants.totalCount).toBeGreaterThan(10);
    const page2 = await stack.query<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
      'query($after: String) { indoorPlants(first: 10, after: $after, filter: { petSafe: true }) { edges { node { id } } } }',
      { after: page1.data!.indoorPlants.pageInfo.endCursor },
    );
    const ids = new Set([...page1.data!.indoorPlants.edges, ...page2.data!.indoorPlants.edges].map((e) => e.node.id));
    expect(ids.size).toBe(page1.data!.indoorPlants.edges.length + page2.data!.indoorPlants.edges.length);
  });

  it('adds a plant, waters it and moves the next watering by the interval', async () => {
    const plant = await add('Monty');
    expect(plant.owner.id).toBe(user.user.id);
    expect(plant.wateringStatus.urgency).toMatch(/OVERDUE|DUE_TODAY/); // never watered: due now
    const wateredAt = new Date(Date.now() - 2 * DAY).toISOString();
    const res = await stack.query<{ waterPlant: { userPlant: Plant } }>(
      WATER,
      { input: { userPlantId: plant.id, wateredAt, amountMl: 400 } },
      user.headers,
    );
    expect(res.errors).toBeUndefined();
    const after = res.data!.waterPlant.userPlant;
    expect(after.lastWateredAt).toBe(wateredAt);
    expect(new Date(after.nextWateringAt).getTime()).toBe(
      new Date(wateredAt).getTime() + after.wateringStatus.intervalDays * DAY,
    );
    // Snooze postpones without changing the interval; the next watering clears it.
    const snoozed = await stack.query<{ snoozeWatering: Plant }>(
      `mutation($id: ID!) { snoozeWatering(userPlantId: $id, days: 3) { ${PLANT} } }`,
      { id: plant.id },
      user.headers,
    );
    expect(snoozed.data!.snoozeWatering.wateringStatus.intervalDays).toBe(after.wateringStatus.intervalDays);
    expect(new Date(snoozed.data!.snoozeWatering.nextWateringAt).getTime()).toBeGreaterThan(
      new Date(after.nextWateringAt).getTime(),
    );
    const again = await stack.query<{ waterPlant: { userPlant: Plant } }>(
      WATER,
      { input: { userPlantId: plant.id } },
      user.headers,
    );
    expect(again.data!.waterPlant.userPlant.wateringStatus.snoozedUntil).toBeNull();
  });

  it('waters a whole room at once, and shows the collection on me', async () => {
    const a = await add('Fern A', 'Bathroom');
    const b = await add('Fern B', 'Bathroom');
    const res = await stack.query<{ waterPlants: { id: string }[] }>(
      'mutation($ids: [ID!]!) { waterPlants(userPlantIds: $ids) { id } }',
      { ids: [a.id, b.id] },
      user.headers,
    );
    expect(res.data?.waterPlants).toHaveLength(2);
    const me = await stack.query<{
      me: { plants: { totalCount: number; edges: { node: { nickname: string; lastWateredAt: string | null } }[] } };
    }>(
      '{ me { plants(first: 50, location: "Bathroom") { totalCount edges { node { nickname lastWateredAt } } } } }',
      {},
      user.headers,
    );
    expect(me.data!.me.plants.totalCount).toBe(2);
    expect(me.data!.me.plants.edges.every((e) => e.node.lastWateredAt)).toBe(true);
  });

  it('keeps a growth journal ordered newest first and filtered by type and date', async () => {
    const plant = await add('Pilea');
    const RECORD = 'mutation($input: RecordGrowthInput!) { recordGrowth(input: $input) { id } }';
    for (const [days, type, heightCm] of [
      [30, 'MEASUREMENT', 10],
      [20, 'OBSERVATION', null],
      [10, 'MEASUREMENT', 14],
    ] as const) {
      const res = await stack.query(
        RECORD,
        {
          input: {
            userPlantId: plant.id,
            type,
            heightCm,
            recordedAt: new Date(Date.now() - days * DAY).toISOString(),
            notes: 'ok',
          },
        },
        user.headers,
      );
      expect(res.errors).toBeUndefined();
    }
    const journal = await stack.query<{
      userPlant: {
        all: { edges: { node: { type: string } }[] };
        measured: { edges: { node: { heightCm: number } }[] };
        recent: { edges: unknown[] };
      };
    }>(
      `query($id: ID!, $from: DateTime) { userPlant(id: $id) {
        all: growthEntries(first: 10) { edges { node { type } } }
        measured: growthEntries(first: 10, type: MEASUREMENT) { edges { node { heightCm } } }
        recent: growthEntries(first: 10, from: $from) { edges { node { id } } } } }`,
      { id: plant.id, from: new Date(Date.now() - 15 * DAY).toISOString() },
      user.headers,
    );
    expect(journal.data!.userPlant.all.edges.map((e) => e.node.type)).toEqual([
      'MEASUREMENT',
      'OBSERVATION',
      'MEASUREMENT',
    ]);
    expect(journal.data!.userPlant.measured.edges.map((e) => e.node.heightCm)).toEqual([14, 10]);
    expect(journal.data!.userPlant.recent.edges).toHaveLength(1);
  });

  it.each([
    ['amount over 10 l', { amountMl: 10_001 }, 'input.amountMl'],
    ['watering in the future', { wateredAt: new Date(Date.now() + 2 * DAY).toISOString() }, 'input.wateredAt'],
  ])('refuses a %s with BAD_USER_INPUT', async (_label, extra, field) => {
    const plant = await add('Validator');
    const res = await stack.query(WATER, { input: { userPlantId: plant.id, ...extra } }, user.headers);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });

  it('lets only admins write the catalog', async () => {
    const input = {
      scientificName: `Testus e2e${Date.now()}`,
      commonNames: ['Test plant'],
      family: 'Araceae',
      origin: 'Nowhere',
      difficulty: 'EASY',
      baseWateringIntervalDays: 7,
      lightNeed: 'MEDIUM',
      humidityNeed: 'MEDIUM',
      minTemperatureC: 15,
      maxTemperatureC: 28,
      soil: 'Potting mix',
      adultSize: '30 cm',
      growthRate: 'MODERATE',
      toxicToPets: false,
      toxicToHumans: false,
      airPurifying: false,
      flowering: false,
      careNotes: 'Easy.',
    };
    const CREATE = 'mutation($input: CreateIndoorPlantInput!) { createIndoorPlant(input: $input) { id } }';
    expect(errorCode(await stack.query(CREATE, { input }, user.headers))).toBe('FORBIDDEN');
    expect(errorCode(await stack.query(CREATE, { input }))).toBe('UNAUTHENTICATED');
    const curator = await signupUser(stack, { email: 'curator@bloomzy.test' });
    const created = await stack.query<{ createIndoorPlant: { id: string } }>(CREATE, { input }, curator.headers);
    expect(created.errors).toBeUndefined();
    expect(errorCode(await stack.query(CREATE, { input }, curator.headers))).toBe('CONFLICT');
    // A species someone grows cannot be deleted.
    expect(
      errorCode(
        await stack.query('mutation($id: ID!) { deleteIndoorPlant(id: $id) }', { id: speciesId }, curator.headers),
      ),
    ).toBe('CONFLICT');
  });

  it("treats another user's plant as not existing", async () => {
    const mine = await add('Private');
    const other = await signupUser(stack);
    const read = await stack.query<{ userPlant: null }>(
      'query($id: ID!) { userPlant(id: $id) { id } }',
      { id: mine.id },
      other.headers,
    );
    expect(read.data?.userPlant ?? null).toBeNull();
    expect(errorCode(read)).toBe('NOT_FOUND'); // exactly as for an id that does not exist
    expect(errorCode(await stack.query(WATER, { input: { userPlantId: mine.id } }, other.headers))).toBe('NOT_FOUND');
    expect(
      errorCode(
        await stack.query('mutation($id: ID!) { archiveUserPlant(id: $id) { id } }', { id: mine.id }, other.headers),
      ),
    ).toBe('NOT_FOUND');
  });
});
