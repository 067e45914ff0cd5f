/** Per-client budgets: in memory always, and shared by two routers' limiters on Redis when REDIS_URL is set (CI). */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createCoordination, type Coordination } from '@bloomzy/shared/coordination';
import { createLogger } from '@bloomzy/shared/logger';
import { testRedisUrl } from '@bloomzy/shared/testing/test-database';
import { createBudgets } from './budgets.js';
import { refusalError } from './refusals.js';

const redisUrl = testRedisUrl();
const logger = createLogger({ service: 'test', level: 'silent' });
const settings = { windowSeconds: 10, requests: 3, cost: 100, refusalDelayMs: 0 };

describe('budgets', () => {
  it("refuses a client's operation over its request budget, saying when to retry, and leaves other clients alone", async () => {
    const budgets = createBudgets(settings);
    for (let i = 0; i < 3; i++) expect(await budgets.spendRequest('ip:203.0.113.5')).toBeNull();
    const refusal = await budgets.spendRequest('ip:203.0.113.5');
    expect(refusal).toMatchObject({ budget: 'requests', limit: 3, windowSeconds: 10, firstInWindow: true });
    expect(refusal?.retryAfterSeconds).toBeGreaterThanOrEqual(9);
    expect(refusal?.retryAfterSeconds).toBeLessThanOrEqual(10);
    // Logged once per window: later refusals are not the first.
    expect((await budgets.spendRequest('ip:203.0.113.5'))?.firstInWindow).toBe(false);
    expect(await budgets.spendRequest('user:someone-else')).toBeNull();

    const error = refusalError(refusal!);
    expect(error.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: refusal?.retryAfterSeconds });
    expect(error.message).toMatch(/at most 3 operations per 10 s per client; retry in \d+ s/);
  });

  it('spends each operation’s cost, counting a missing or zero cost as 1', async () => {
    const budgets = createBudgets(settings);
    expect(await budgets.spendCost('user:a', 60)).toBeNull();
    expect(await budgets.spendCost('user:a', 39)).toBeNull();
    expect(await budgets.spendCost('user:a', 0)).toBeNull(); // 100 of 100
    expect(await budgets.spendCost('user:a', 1)).toMatchObject({ budget: 'cost', limit: 100 });
    // One operation above the whole budget is refused outright.
    expect(await budgets.spendCost('user:b', 101)).toMatchObject({ budget: 'cost', firstInWindow: true });
  });

  it('holds every refusal but the first for the refusal delay, never beyond the window', async () => {
    const budgets = createBudgets({ ...settings, requests: 1, refusalDelayMs: 700 });
    expect(await budgets.spendRequest('ip:198.51.100.1')).toBeNull();
    expect(await budgets.spendRequest('ip:198.51.100.1')).toMatchObject({ firstInWindow: true, delayMs: 0 });
    expect(await budgets.spendRequest('ip:198.51.100.1')).toMatchObject({ firstInWindow: false, delayMs: 700 });
    const shortWindow = createBudgets({ ...settings, windowSeconds: 1, requests: 1, refusalDelayMs: 5_000 });
    await shortWindow.spendRequest('user:a');
    await shortWindow.spendRequest('user:a');
    const held = await shortWindow.spendRequest('user:a');
    expect(held?.delayMs).toBeGreaterThan(0);
    expect(held?.delayMs).toBeLessThanOrEqual(1_000);
  });

  it('opens a new window once the old one has passed', async () => {
    const budgets = createBudgets({ ...settings, windowSeconds: 1, requests: 1 });
    expect(await budgets.spendRequest('user:a')).toBeNull();
    expect(await budgets.spendRequest('user:a')).toMatchObject({ retryAfterSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await budgets.spendRequest('user:a')).toBeNull();
  });
});

describe.skipIf(!redisUrl)('budgets on Redis', () => {
  const coordinations: Coordination[] = [];
  afterAll(() => Promise.all(coordinations.map((c) => c.close())));
  // Two routers: separate connections, one key space (a prefix of this run's own).
  const keyPrefix = `bloomzy-test:${randomBytes(6).toString('hex')}`;
  const routerBudgets = async () => {
    const coordination = await createCoordination({ redisUrl, logger, keyPrefix });
    coordinations.push(coordination);
    return createBudgets(settings, { redis: coordination.redis, keyPrefix });
  };

  it('is one budget per client across routers', async () => {
    const [first, second] = [await routerBudgets(), await routerBudgets()];
    expect(await first.spendRequest('user:shared')).toBeNull();
    expect(await second.spendRequest('user:shared')).toBeNull();
    expect(await first.spendRequest('user:shared')).toBeNull();
    // The fourth operation, on the other router, is over the budget of 3.
    expect(await second.spendRequest('user:shared')).toMatchObject({ budget: 'requests', firstInWindow: true });
    expect(await first.spendRequest('user:shared')).toMatchObject({ budget: 'requests' });
    expect(await second.spendRequest('user:other')).toBeNull();

    expect(await first.spendCost('user:shared', 70)).toBeNull();
    expect(await second.spendCost('user:shared', 40)).toMatchObject({ budget: 'cost', limit: 100 });
  });

  it('keeps counting concurrent spends from both routers exactly', async () => {
    const [first, second] = [await routerBudgets(), await routerBudgets()];
    const spends = Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).spendRequest('user:racing'));
    const refusals = (await Promise.all(spends)).filter(Boolean);
    expect(refusals).toHaveLength(7);
  });
});
