/** Integration: the growth journal — ordering, filters, paging, summary, validation, corrections. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { ok, START, startPlantsHarness, type PlantsHarness, type TestUser } from './testing/harness.js';
import { addPlant, DELETE_GROWTH, JOURNAL, RECORD, UPDATE_GROWTH } from './testing/operations.js';

interface Journal {
  userPlant: {
    growthEntries: {
      edges: { node: { id: string; type: string; recordedAt: string; heightCm: number | null } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    growthSummary: {
      entryCount: number;
      firstRecordedAt: string | null;
      lastRecordedAt: string | null;
      height: { measurements: number; first: number; last: number; change: number; perMonth: number | null } | null;
      leafCount: { first: number; last: number; change: number } | null;
      width: { first: number } | null;
    };
  };
}

describe.each(testDatabaseKinds())('growth journal (%s)', (kind) => {
  let h: PlantsHarness;
  let user: TestUser;
  let plantId: string;
  const record = async (input: Record<string, unknown>) =>
    ok(await user.gql<{ recordGrowth: { id: string } }>(RECORD, { input: { userPlantId: plantId, ...input } }))
      .recordGrowth.id;
  const journal = async (args: Record<string, unknown> = {}) =>
    ok(await user.gql<Journal>(JOURNAL, { id: plantId, ...args })).userPlant;
  const dates = (j: Journal['userPlant']) => j.growthEntries.edges.map((e) => e.node.recordedAt.slice(0, 10));

  beforeAll(async () => {
    h = await startPlantsHarness(kind);
    h.clock.set(START);
    user = await h.user();
    plantId = (await addPlant(user)).id;
    // Recorded out of order on purpose: the journal sorts by recordedAt, not by when entries were logged.
    await record({ type: 'MEASUREMENT', recordedAt: '2026-03-01T00:00:00Z', heightCm: 40, leafCount: 10 });
    await record({ type: 'MEASUREMENT', recordedAt: '2026-01-01T00:00:00Z', heightCm: 30 });
    await record({ type: 'PHOTO', recordedAt: '2026-02-01T00:00:00Z', photoUrl: 'https://img.example.com/1.jpg' });
    await record({ type: 'OBSERVATION', notes: 'New leaf unfurling' }); // defaults to now
    await record({ type: 'MEASUREMENT', recordedAt: '2026-03-31T00:00:00Z', heightCm: 45, leafCount: 12 });
  });
  afterAll(() => h?.close());

  it('lists entries newest first and pages through them', async () => {
    expect(dates(await journal())).toEqual(['2026-04-15', '2026-03-31', '2026-03-01', '2026-02-01', '2026-01-01']);
    const first = await journal({ first: 2 });
    expect(first.growthEntries.pageInfo.hasNextPage).toBe(true);
    const rest = await journal({ first: 10, after: first.growthEntries.pageInfo.endCursor });
    expect(dates(rest)).toEqual(['2026-03-01', '2026-02-01', '2026-01-01']);
  });

  it('filters by type and by date range (inclusive)', async () => {
    expect(dates(await journal({ type: 'MEASUREMENT' }))).toEqual(['2026-03-31', '2026-03-01', '2026-01-01']);
    expect(dates(await journal({ from: '2026-02-01T00:00:00Z', to: '2026-03-31T00:00:00Z' }))).toEqual([
      '2026-03-31',
      '2026-03-01',
      '2026-02-01',
    ]);
    expect(dates(await journal({ type: 'PHOTO', to: '2026-01-31T00:00:00Z' }))).toEqual([]);
    const reversed = await user.gql(JOURNAL, { id: plantId, from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });

  it('summarises first and latest measurements and growth per month', async () => {
    const { growthSummary } = await journal();
    expect(growthSummary).toMatchObject({
      entryCount: 5,
      firstRecordedAt: '2026-01-01T00:00:00.000Z',
      lastRecordedAt: '2026-04-15T09:00:00.000Z',
      height: { measurements: 3, first: 30, last: 45, change: 15, perMonth: 5.06 }, // 15 cm in 89 days, per 30 days
      leafCount: { first: 10, last: 12, change: 2 },
      width: null,
    });
  });

  it.each([
    ['input.heightCm', { type: 'MEASUREMENT', heightCm: 1000.5 }],
    ['input.widthCm', { type: 'MEASUREMENT', widthCm: -1 }],
    ['input.leafCount', { type: 'MEASUREMENT', leafCount: 10_001 }],
    ['input.heightCm', { type: 'MEASUREMENT' }],
    ['input.photoUrl', { type: 'PHOTO' }],
    ['input.photoUrl', { type: 'PHOTO', photoUrl: 'ftp://example.com/a.jpg' }],
    ['input.notes', { type: 'OBSERVATION', notes: '  ' }],
    ['input.recordedAt', { type: 'OBSERVATION', notes: 'x', recordedAt: '2026-04-16T09:00:00Z' }],
  ])('refuses a bad %s', async (field, input) => {
    const res = await user.gql(RECORD, { input: { userPlantId: plantId, ...input } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('corrects and deletes entries, keeping each type complete', async () => {
    const id = await record({ type: 'OBSERVATION', recordedAt: '2025-12-01T00:00:00Z', notes: 'Bought it' });
    const updated = ok(
      await user.gql<{ updateGrowthEntry: { type: string; heightCm: number } }>(UPDATE_GROWTH, {
        id,
        input: { type: 'MEASUREMENT', heightCm: 25 },
      }),
    );
    expect(updated.updateGrowthEntry).toMatchObject({ type: 'MEASUREMENT', heightCm: 25 });
    const emptied = await user.gql(UPDATE_GROWTH, { id, input: { heightCm: null } });
    expect(emptied.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heightCm' });
    expect((await journal()).growthSummary.height).toMatchObject({ first: 25, measurements: 4 });
    ok(await user.gql(DELETE_GROWTH, { id }));
    expect((await journal()).growthSummary).toMatchObject({ entryCount: 5, height: { first: 30 } });
  });
});
