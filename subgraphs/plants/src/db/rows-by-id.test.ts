/** The plain-SQL row readers give exactly the rows Prisma's findMany gives: every column, type and filter. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startPlantsHarness, type PlantsHarness, type TestUser } from '../testing/harness.js';
import { addPlant, water } from '../testing/operations.js';
import { indoorPlantsByIds, userPlantsByIds } from './rows-by-id.js';
import { userPlantCount, userPlantPage } from './user-plant-page.js';

const ORDER = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

describe.each(testDatabaseKinds())('rows read as plain SQL (%s)', (kind) => {
  let h: PlantsHarness;
  let user: TestUser;
  const ids: string[] = [];

  beforeAll(async () => {
    h = await startPlantsHarness(kind);
    user = await h.user();
    // Every optional column set on one plant, none on another; rooms that differ in case and LIKE metacharacters.
    const full = await addPlant(user, {
      nickname: 'Full',
      location: 'Bed_room',
      acquiredOn: '2025-03-01T10:20:30.456Z',
      potSize: 'SMALL',
      potMaterial: 'TERRACOTTA',
      soil: 'CACTUS_MIX',
      lightExposure: 'LOW',
      roomTemperatureC: 21.5,
      healthStatus: 'THRIVING',
      notes: 'North window',
      photoUrl: 'https://example.com/p.jpg',
      customWateringIntervalDays: 9,
    });
    await water(user, full.id);
    ids.push(full.id);
    for (const location of ['bed_room', 'Bedroom', 'Kitchen']) ids.push((await addPlant(user, { location })).id);
    ids.push((await addPlant(user, {})).id);
  });
  afterAll(() => h?.close());

  it('reads plants and species by id as findMany does', async () => {
    const db = h.service.runtime.db;
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const plants = await userPlantsByIds(db, ids);
    expect(byId(plants)).toEqual(byId(await db.userPlant.findMany({ where: { id: { in: ids } } })));
    expect(plants.find((p) => p.nickname === 'Full')).toMatchObject({ roomTemperatureC: 21.5, potSize: 'SMALL' });
    const speciesIds = [...new Set(plants.map((p) => p.plantId))];
    expect(byId(await indoorPlantsByIds(db, speciesIds))).toEqual(
      byId(await db.indoorPlant.findMany({ where: { id: { in: speciesIds } } })),
    );
  });

  it('pages a collection with the filters and cursor findMany had', async () => {
    const db = h.service.runtime.db;
    const userId = user.id;
    const all = await db.userPlant.findMany({ where: { userId, archivedAt: null }, orderBy: ORDER });
    expect(await userPlantPage(db, { userId, includeArchived: false, take: 50 })).toEqual(all);
    expect(await userPlantPage(db, { userId, includeArchived: false, take: 2 })).toEqual(all.slice(0, 2));
    const second = all[1];
    if (!second) throw new Error('expected plants');
    const after = { at: second.createdAt, id: second.id };
    expect(await userPlantPage(db, { userId, includeArchived: false, after, take: 50 })).toEqual(all.slice(2));
    // Case-insensitive and exact: "_" is a character, not a wildcard matching "Bedroom".
    const rooms = await userPlantPage(db, { userId, includeArchived: false, location: 'BED_ROOM', take: 50 });
    expect(rooms.map((p) => p.location).sort()).toEqual(['Bed_room', 'bed_room']);
    // The total counts what the page's filter matches.
    expect(await userPlantCount(db, { userId, includeArchived: false })).toBe(all.length);
    expect(await userPlantCount(db, { userId, includeArchived: false, location: 'BED_ROOM' })).toBe(2);
    const withArchived = await db.userPlant.count({ where: { userId } });
    expect(await userPlantCount(db, { userId, includeArchived: true })).toBe(withArchived);
  });
});
