/** The cost budget in Apollo Server: spent per operation from `contextValue.cost`, refused before execution. */
import { ApolloServer } from '@apollo/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@bloomzy/shared/logger';
import { createBudgets } from './budgets.js';
import { costBudgetPlugin, type CostedContext } from './cost-budget-plugin.js';

describe('cost budget plugin', () => {
  let executed = 0;
  const apollo = new ApolloServer<CostedContext>({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => ((executed += 1), 'world') } },
    plugins: [
      costBudgetPlugin(
        createBudgets({ windowSeconds: 10, requests: 1_000, cost: 100, refusalDelayMs: 0 }),
        createLogger({ service: 'test', level: 'silent' }),
      ),
    ],
  });
  afterAll(() => apollo.stop());

  const run = (contextValue: CostedContext) => apollo.executeOperation({ query: '{ hello }' }, { contextValue });

  it('executes within the budget and refuses the operation that exceeds it, with 429 and Retry-After', async () => {
    const alice = { kind: 'user' as const, key: 'user:alice' };
    const ok = await run({ client: alice, cost: { estimated: 80 } });
    expect(ok.body).toMatchObject({ singleResult: { data: { hello: 'world' } } });
    const refused = await run({ client: alice, cost: { estimated: 30 } });
    expect(refused.http.status).toBe(429);
    const retryAfter = Number(refused.http.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.body).toMatchObject({
      singleResult: {
        errors: [
          { message: expect.stringMatching(/cost of 100 per 10 s/), extensions: { code: 'RATE_LIMITED', retryAfter } },
        ],
      },
    });
    expect(executed).toBe(1);
    // Another client's budget is untouched.
    expect((await run({ client: { kind: 'ip', key: 'ip:192.0.2.1' }, cost: { estimated: 80 } })).http.status).toBe(
      undefined,
    );
  });

  it('counts an operation without an estimate as 1, and spends nothing without a client', async () => {
    const bob = { kind: 'user' as const, key: 'user:bob' };
    for (let i = 0; i < 100; i++) expect((await run({ client: bob })).http.status).toBeUndefined();
    expect((await run({ client: bob })).http.status).toBe(429);
    expect((await run({ cost: { estimated: 10_000 } })).http.status).toBeUndefined();
  });
});
