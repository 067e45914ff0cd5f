/**
 * Issue 8's operation limits end to end, as a client of the router: the attacks the issue measured (a 5-deep nested
 * `plants(first: 10)` query took 20.7 s; 1000 aliases of `indoorPlants(first: 100)` 12 s) are refused before any
 * subgraph is called, with OPERATION_LIMIT_EXCEEDED, over HTTP and graphql-ws — while the app's own operations pass.
 * Times are printed, not asserted (they depend on the machine).
 */
import type { FormattedExecutionResult } from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD, INTROSPECTION } from '@bloomzy/router/testing/app-operations';
import { errorCode } from '@bloomzy/shared/testing/graphql-client';
import { signupUser, startStack, type Stack } from './harness.js';

/** `plants(first: 10)` nested five times through each plant's owner (the 323-byte query). */
const NESTED_PLANTS = `{ me { ${'plants(first: 10) { edges { node { nickname owner { '.repeat(4)}plants(first: 10) { edges { node { nickname } } }${' } } } }'.repeat(4)} } }`;

/** 1000 aliases of the catalog's largest page, sent without a token. */
const ALIASES = `{ ${Array.from(
  { length: 1000 },
  (_, i) => `a${i}: indoorPlants(first: 100) { edges { node { id scientificName commonNames } } }`,
).join(' ')} }`;

type Result = FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>;

/** One operation over graphql-ws: its last result, or `{ errors }` when the router answered with an error message. */
function overWebSocket(client: Client, query: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    let last: Result = {};
    client.subscribe<Record<string, unknown>, Record<string, unknown>>(
      { query },
      {
        next: (value) => void (last = value),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error as Error)),
        complete: () => resolve(last),
      },
    );
  });
}

/** Runs `operation` and prints how long the router took. */
async function timed<T>(label: string, operation: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await operation();
  console.log(`${label}: ${(performance.now() - started).toFixed(1)} ms`);
  return result;
}

describe('operation limits through the router', () => {
  let stack: Stack;
  let user: Awaited<ReturnType<typeof signupUser>>;
  let ws: Client;
  beforeAll(async () => {
    // Demand control would refuse these attacks first (cost.e2e.test.ts): lift it, so the limits themselves answer.
    stack = await startStack({ env: { MAX_COST: '1000000000', RATE_LIMIT_COST: '1000000000' } });
    user = await signupUser(stack);
    ws = stack.wsClient(user.headers);
    const found = await stack.query<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
      '{ indoorPlants(filter: { text: "Monstera deliciosa" }, first: 1) { edges { node { id } } } }',
    );
    const plantId = found.data?.indoorPlants.edges[0]?.node.id;
    const added = await stack.query<{ addUserPlant: { id: string } }>(
      'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
      { input: { plantId, nickname: 'Monty' } },
      user.headers,
    );
    await stack.query(
      'mutation($input: WaterPlantInput!) { waterPlant(input: $input) { id } }',
      { input: { userPlantId: added.data?.addUserPlant.id, amountMl: 300 } },
      user.headers,
    );
  });
  afterAll(() => stack?.stop());

  it('refuses the 5-deep nested plants query, over HTTP and graphql-ws', async () => {
    const http = await timed('nested plants, HTTP', () => stack.query(NESTED_PLANTS, {}, user.headers));
    expect(http.status).toBe(400);
    expect(errorCode(http)).toBe('OPERATION_LIMIT_EXCEEDED');
    expect(http.errors?.[0]?.extensions).toMatchObject({ limit: 'MAX_DEPTH', max: 15 });
    expect(http.data).toBeUndefined();
    const overWs = await timed('nested plants, graphql-ws', () => overWebSocket(ws, NESTED_PLANTS));
    expect(overWs.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'MAX_DEPTH' });
  });

  it('refuses 1000 aliases of indoorPlants(first: 100), over HTTP and graphql-ws', async () => {
    const http = await timed('1000 aliases, HTTP', () => stack.query(ALIASES));
    expect(http.status).toBe(400);
    expect(errorCode(http)).toBe('OPERATION_LIMIT_EXCEEDED');
    // The document is refused while it is parsed, at its 2001st token.
    expect(http.errors?.[0]?.extensions).toMatchObject({ limit: 'MAX_TOKENS', max: 2000 });
    const overWs = await timed('1000 aliases, graphql-ws', () => overWebSocket(ws, ALIASES));
    expect(overWs.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'MAX_TOKENS' });
  });

  it("serves the app's operations: the dashboard, the catalog and Sandbox's introspection", async () => {
    const dashboard = await timed('dashboard, HTTP', () => stack.query(DASHBOARD, {}, user.headers));
    expect(dashboard.errors).toBeUndefined();
    expect(dashboard.data).toMatchObject({
      me: { plants: { totalCount: 1, edges: [{ node: { nickname: 'Monty', waterings: { edges: [{ node: {} }] } } }] } },
    });
    const catalog = await stack.query('{ indoorPlants(first: 100) { edges { node { id scientificName } } } }');
    expect(catalog.errors).toBeUndefined();
    const introspection = await stack.query(INTROSPECTION);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data).toHaveProperty('__schema.queryType.name', 'Query');
    expect((await overWebSocket(ws, DASHBOARD)).data).toEqual(dashboard.data);
  });
});
