/** Integration: the species catalog over HTTP — search, filters, pagination, admin-only changes, seeding. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { SPECIES_SEED } from './catalog/species-seed.js';
import { ok, startPlantsHarness, type PlantsHarness, type TestUser } from './testing/harness.js';
import { addPlant, CATALOG, CREATE_SPECIES, DELETE_SPECIES, speciesId, UPDATE_SPECIES } from './testing/operations.js';

interface CatalogPage {
  indoorPlants: {
    totalCount: number;
    edges: {
      cursor: string;
      node: {
        id: string;
        scientificName: string;
        commonNames: string[];
        family: string;
        difficulty: string;
        lightNeed: string;
        toxicToPets: boolean;
      };
    }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

const newSpecies = (scientificName: string) => ({
  scientificName,
  commonNames: ['Test plant'],
  family: 'Testaceae',
  origin: 'Test lab',
  difficulty: 'EASY',
  baseWateringIntervalDays: 7,
  lightNeed: 'MEDIUM',
  humidityNeed: 'MEDIUM',
  minTemperatureC: 12,
  maxTemperatureC: 28,
  soil: 'Potting mix',
  adultSize: '30 cm',
  growthRate: 'SLOW',
  toxicToPets: false,
  toxicToHumans: false,
  airPurifying: false,
  flowering: false,
  careNotes: 'Water when dry.',
});

describe.each(testDatabaseKinds())('catalog (%s)', (kind) => {
  let h: PlantsHarness;
  let user: TestUser;
  let admin: TestUser;
  const search = async (variables: Record<string, unknown>) =>
    ok(await h.anonymous.gql<CatalogPage>(CATALOG, variables)).indoorPlants;

  beforeAll(async () => {
    h = await startPlantsHarness(kind);
    user = await h.user();
    admin = await h.user('ADMIN');
  });
  afterAll(() => h?.close());

  it('is seeded and public', async () => {
    const page = await search({ first: 5 });
    expect(page.totalCount).toBe(SPECIES_SEED.length);
    expect(page.totalCount).toBeGreaterThanOrEqual(40);
    expect(page.edges.map((e) => e.node.scientificName)).toEqual(
      [...page.edges.map((e) => e.node.scientificName)].sort(),
    );
  });

  it('searches scientific and common names, partial and case-insensitive (old names too)', async () => {
    expect((await search({ filter: { text: 'SANSEVIERIA' } })).edges.map((e) => e.node.scientificName)).toContain(
      'Dracaena trifasciata',
    );
    expect((await search({ filter: { text: 'delicio' } })).edges.map((e) => e.node.scientificName)).toEqual([
      'Monstera deliciosa',
    ]);
    expect((await search({ filter: { text: 'swiss cheese' } })).edges.map((e) => e.node.scientificName)).toContain(
      'Monstera deliciosa',
    );
    expect((await search({ filter: { text: 'no such plant' } })).totalCount).toBe(0);
    expect((await search({ filter: { text: '%' } })).totalCount).toBe(0); // LIKE wildcards are literal text
  });

  it('filters by difficulty, family, light and pet safety, all combined', async () => {
    const expected = SPECIES_SEED.filter(
      (s) => s.family === 'Araceae' && s.difficulty === 'EASY' && !s.toxicToPets && s.lightNeed === 'MEDIUM',
    );
    const page = await search({
      filter: { family: 'araceae', difficulty: 'EASY', petSafe: true, light: 'MEDIUM' },
      first: 100,
    });
    expect(page.totalCount).toBe(expected.length);
    const safe = await search({ filter: { petSafe: true }, first: 100 });
    expect(safe.totalCount).toBe(SPECIES_SEED.filter((s) => !s.toxicToPets).length);
    expect(safe.edges.every((e) => !e.node.toxicToPets)).toBe(true);
    const hard = await search({ filter: { difficulty: 'HARD' }, first: 100 });
    expect(hard.edges.every((e) => e.node.difficulty === 'HARD')).toBe(true);
  });

  it('pages through the whole catalog without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: CatalogPage['indoorPlants'] = await search({ first: 7, after });
      seen.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await search({ first: 1 })).totalCount);
    expect(pages).toBe(Math.ceil(seen.length / 7));
  });

  it('refuses bad paging arguments', async () => {
    expect(errorCode(await h.anonymous.gql(CATALOG, { first: 0 }))).toBe('BAD_USER_INPUT');
    const bad = await h.anonymous.gql(CATALOG, { after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves species references in one statement per batch', async () => {
    const ids = (await search({ first: 3 })).edges.map((e) => e.node.id);
    h.statements.length = 0;
    const res = ok(
      await h.anonymous.gql<{ _entities: { scientificName: string }[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on IndoorPlant { scientificName } } }`,
        { r: ids.map((id) => ({ __typename: 'IndoorPlant', id })) },
      ),
    );
    expect(res._entities).toHaveLength(3);
    expect(h.statements).toHaveLength(1);
  });

  it('lets only admins change the catalog', async () => {
    const input = newSpecies('Testus adminii');
    expect(errorCode(await h.anonymous.gql(CREATE_SPECIES, { input }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await user.gql(CREATE_SPECIES, { input }))).toBe('FORBIDDEN');
    const created = ok(
      await admin.gql<{ createIndoorPlant: { id: string } }>(CREATE_SPECIES, { input }),
    ).createIndoorPlant;
    expect(errorCode(await user.gql(UPDATE_SPECIES, { id: created.id, input: { baseWateringIntervalDays: 9 } }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await user.gql(DELETE_SPECIES, { id: created.id }))).toBe('FORBIDDEN');
    const updated = ok(
      await admin.gql<{ updateIndoorPlant: { commonNames: string[] } }>(UPDATE_SPECIES, {
        id: created.id,
        input: { commonNames: ['Zebra test'] },
      }),
    );
    expect(updated.updateIndoorPlant.commonNames).toEqual(['Zebra test']);
    expect((await search({ filter: { text: 'zebra tes' } })).edges.map((e) => e.node.id)).toEqual([created.id]);
    expect(
      ok(await admin.gql<{ deleteIndoorPlant: string }>(DELETE_SPECIES, { id: created.id })).deleteIndoorPlant,
    ).toBe(created.id);
    // A missing species answers like any missing id: NOT_FOUND (the field itself is null).
    const gone = await h.anonymous.gql<{ indoorPlant: null }>(`query($id: ID!) { indoorPlant(id: $id) { id } }`, {
      id: created.id,
    });
    expect(errorCode(gone)).toBe('NOT_FOUND');
    expect(gone.data?.indoorPlant ?? null).toBeNull();
    expect(errorCode(await admin.gql(DELETE_SPECIES, { id: created.id }))).toBe('NOT_FOUND');
  });

  it('refuses duplicate scientific names (case-insensitive) with CONFLICT', async () => {
    ok(await admin.gql(CREATE_SPECIES, { input: newSpecies('Monstera_deliciosa') })); // "_" is a character, not a wildcard
    const dup = await admin.gql(CREATE_SPECIES, { input: newSpecies('monstera DELICIOSA') });
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.scientificName' });
    const other = ok(
      await admin.gql<{ createIndoorPlant: { id: string } }>(CREATE_SPECIES, { input: newSpecies('Testus renamus') }),
    ).createIndoorPlant;
    const rename = await admin.gql(UPDATE_SPECIES, { id: other.id, input: { scientificName: 'Ficus lyrata' } });
    expect(rename.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.scientificName' });
  });

  it('refuses to delete a species someone grows, even archived', async () => {
    const grown = await addPlant(user, {}, 'Ficus elastica');
    await user.gql(`mutation($id: ID!) { archiveUserPlant(id: $id) { id } }`, { id: grown.id });
    expect(errorCode(await admin.gql(DELETE_SPECIES, { id: grown.plant.id }))).toBe('CONFLICT');
  });

  it.each([
    ['input.baseWateringIntervalDays', { baseWateringIntervalDays: 0 }],
    ['input.commonNames', { commonNames: [] }],
    ['input.scientificName', { scientificName: 'X' }],
    ['input.maxTemperatureC', { minTemperatureC: 20, maxTemperatureC: 10 }],
    ['input.careNotes', { careNotes: 'x'.repeat(2001) }],
  ])('refuses a bad %s', async (field, change) => {
    const res = await admin.gql(CREATE_SPECIES, { input: { ...newSpecies('Testus validus'), ...change } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('seeds idempotently and keeps admin edits and deletions of seeded species', async () => {
    const aloe = await speciesId(user, 'Aloe vera');
    ok(await admin.gql(UPDATE_SPECIES, { id: aloe, input: { baseWateringIntervalDays: 21 } }));
    const cactus = await speciesId(user, 'Opuntia microdasys');
    ok(await admin.gql(DELETE_SPECIES, { id: cactus }));
    const before = (await search({ first: 1 })).totalCount;
    const again = await h.startAnother();
    await again.stop();
    expect((await search({ first: 1 })).totalCount).toBe(before);
    expect((await search({ filter: { text: 'opuntia' } })).totalCount).toBe(0);
    const edited = ok(
      await h.anonymous.gql<{ indoorPlant: { baseWateringIntervalDays: number } }>(
        `query($id: ID!) { indoorPlant(id: $id) { baseWateringIntervalDays } }`,
        { id: aloe },
      ),
    );
    expect(edited.indoorPlant.baseWateringIntervalDays).toBe(21);
  });
});
