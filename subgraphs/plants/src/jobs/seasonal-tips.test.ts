/** Integration: one seasonal care tip per user with plants when their season turns, in both hemispheres, once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { ok, startPlantsHarness, type PlantsHarness, type TestUser } from '../testing/harness.js';
import { addPlant, ARCHIVE } from '../testing/operations.js';

describe.each(testDatabaseKinds())('seasonal tips (%s)', (kind) => {
  let h: PlantsHarness;
  beforeAll(async () => (h = await startPlantsHarness(kind, '2026-11-30T12:00:00.000Z')));
  afterAll(() => h?.close());

  const living = async (timezone: string, hemisphere: 'NORTHERN' | 'SOUTHERN'): Promise<TestUser> => {
    const user = await h.user();
    await h.service.runtime.db.userProfile.create({
      data: { userId: user.id, timezone, hemisphere, changedAt: h.clock.now() },
    });
    return user;
  };
  const run = async () => {
    const report = await h.service.seasonalTips.runOnce();
    await h.drain();
    return report;
  };

  it('sends one tip per user when the season turns in their time zone, and never twice', async () => {
    const paris = await living('Europe/Paris', 'NORTHERN');
    const sydney = await living('Australia/Sydney', 'SOUTHERN');
    const plantless = await living('Europe/Paris', 'NORTHERN');
    const archivedOnly = await living('Europe/Paris', 'NORTHERN');
    await addPlant(paris, { nickname: 'Snakey' });
    await addPlant(paris, { nickname: 'Fern' }, 'Nephrolepis exaltata');
    await addPlant(sydney, { nickname: 'Sunny' });
    const gone = await addPlant(archivedOnly);
    ok(await archivedOnly.gql(ARCHIVE, { id: gone.id }));

    // 30 November, 13:00 in Paris (autumn since September), 23:00 in Sydney (spring since September): nothing new.
    expect(await run()).toEqual({ sent: 0 });

    // 00:30 on 1 December in Paris: winter. In Sydney it is 10:30 on 1 December: summer.
    h.clock.set('2026-11-30T23:30:00.000Z');
    expect(await run()).toEqual({ sent: 2 });
    const tipOf = (user: TestUser) => h.tips.filter((t) => t.userId === user.id);
    expect(tipOf(plantless)).toEqual([]);
    expect(tipOf(archivedOnly)).toEqual([]);
    const [winter] = tipOf(paris);
    expect(winter).toMatchObject({
      season: 'WINTER',
      tipKey: `${paris.id}:NORTHERN:WINTER:2026`,
      seasonStartedAt: '2026-11-30T23:00:00.000Z',
      title: 'Winter is here: 2 of your plants need less water',
    });
    // Snake plant 14 × 1.1 → 15 days in autumn, 14 × 1.3 → 18 in winter; the fern 4 × 1.1 → 4, 4 × 1.3 → 5.
    expect(winter?.body.split('\n')).toEqual([
      'Water less often: Snakey: every 15 → 18 days; Fern: every 4 → 5 days.',
      'Stop feeding until spring: Snakey and Fern rest now.',
      'Keep misting Fern: heating dries the air.',
    ]);
    const [summer] = tipOf(sydney);
    expect(summer).toMatchObject({
      season: 'SUMMER',
      seasonStartedAt: '2026-11-30T13:00:00.000Z',
      title: 'Summer is here: 1 of your plants needs more water',
    });
    expect(summer?.body).toContain('Sunny: every 13 → 11 days');

    // Later runs, and another instance after a restart, remember what was sent.
    h.clock.set('2026-12-03T08:00:00.000Z');
    expect(await run()).toEqual({ sent: 0 });
    const another = await h.startAnother();
    try {
      expect(await another.seasonalTips.runOnce()).toEqual({ sent: 0 });
    } finally {
      await another.stop();
    }
    await h.drain();
    expect(h.tips).toHaveLength(2);

    // Southern winter (1 June in Sydney): feeding pauses there; in Paris summer starts.
    h.clock.set('2027-06-01T00:00:00.000Z');
    expect(await run()).toEqual({ sent: 2 });
    const [southWinter] = tipOf(sydney).slice(1);
    expect(southWinter).toMatchObject({ season: 'WINTER', tipKey: `${sydney.id}:SOUTHERN:WINTER:2027` });
    expect(southWinter?.body).toContain('Stop feeding until spring: Sunny rests now.');
    expect(tipOf(paris)[1]).toMatchObject({ season: 'SUMMER' });
    expect(tipOf(paris)[1]?.body).toContain('Keep misting Fern: warm air dries fast.');
  });

  it('does not send a tip for a season that started more than a week ago (a new deployment)', async () => {
    h.clock.set('2027-06-20T00:00:00.000Z');
    const user = await living('UTC', 'NORTHERN');
    await addPlant(user);
    expect(await run()).toEqual({ sent: 0 });
  });
});
