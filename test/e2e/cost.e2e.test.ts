/**
 * Demand control through a real router (issue 8): the app's heaviest everyday query runs and reports its cost; the
 * attacks that used to take the router down — `plants(first: 10)` nested five deep, 1000 aliases of
 * `indoorPlants(first: 100)` — are refused with COST_LIMIT_EXCEEDED before any subgraph is called, in milliseconds.
 */
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD, NESTED_PLANTS, THOUSAND_ALIASES } from '@bloomzy/router/testing/costly-operations';
import { errorCode, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { signupUser, startStack, type Stack } from './harness.js';

/** The router's default MAX_COST. */
const MAX_COST = 5000;

describe('demand control through the router', () => {
  let stack: Stack;
  let user: Awaited<ReturnType<typeof signupUser>>;
  beforeAll(async () => {
    // The operation limits would refuse the deepest attacks first (limits.e2e.test.ts): lift them, so cost answers.
    stack = await startStack({ env: { MAX_DEPTH: '100', MAX_ALIASES: '2000', MAX_TOKENS: '100000' } });
    user = await signupUser(stack);
    const species = await stack.query<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
      '{ indoorPlants(first: 2) { edges { node { id } } } }',
    );
    for (const { node } of species.data!.indoorPlants.edges) {
      const added = await stack.query(
        'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
        { input: { plantId: node.id, location: 'Kitchen' } },
        user.headers,
      );
      expect(added.errors).toBeUndefined();
    }
  });
  afterAll(() => stack?.stop());

  /**
   * The fastest of five round trips, after one to warm up, printed with all of them. Each sends the operation with
   * a different trailing comment: Apollo Server caches validated documents by their text, and an attacker would not
   * let the router reuse that work.
   */
  async function timedRefusal(name: string, query: string, headers: Record<string, string> = {}) {
    await stack.query(`${query}\n# warm-up`, {}, headers);
    const times: number[] = [];
    let response: GraphQLResponse | undefined;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      response = await stack.query(`${query}\n# ${i}`, {}, headers);
      times.push(performance.now() - start);
    }
    console.log(`${name} (${query.length} bytes) refused in ${times.map((t) => `${t.toFixed(1)} ms`).join(', ')}`);
    return { response: response! };
  }

  it('runs the dashboard and reports its cost', async () => {
    const res = await stack.query<{ me: { plants: { totalCount: number; edges: unknown[] } } }>(
      DASHBOARD,
      {},
      user.headers,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.me.plants.totalCount).toBe(2);
    expect(res.extensions).toEqual({ cost: { estimated: 1435, max: MAX_COST } });
  });

  it('refuses plants(first: 10) nested five deep', async () => {
    const { response } = await timedRefusal('nested plants', NESTED_PLANTS, user.headers);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('COST_LIMIT_EXCEEDED');
    expect(response.data).toBeUndefined();
    expect(response.extensions?.cost).toMatchObject({ max: MAX_COST });
  });

  it('refuses 1000 aliases of indoorPlants(first: 100) sent without a token', async () => {
    const { response } = await timedRefusal('1000 aliases', THOUSAND_ALIASES);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('COST_LIMIT_EXCEEDED');
    expect(response.extensions).toEqual({ cost: { estimated: 201_000, max: MAX_COST } });
  });

  /** Runs one operation over graphql-ws and collects what the router sends back until it completes. */
  function overWebSocket(client: Client, query: string) {
    return new Promise<FormattedExecutionResult<Record<string, unknown>, unknown>[]>((resolve, reject) => {
      const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
      client.subscribe({ query }, { next: (r) => results.push(r), error: reject, complete: () => resolve(results) });
    });
  }

  it('refuses costly queries and subscriptions over graphql-ws too', async () => {
    const client = stack.wsClient({ authorization: `Bearer ${user.accessToken}` });
    const refused = {
      errors: [{ extensions: { code: 'COST_LIMIT_EXCEEDED' } }],
      extensions: { cost: { max: MAX_COST } },
    };
    expect(await overWebSocket(client, NESTED_PLANTS)).toMatchObject([refused]);
    // Each reminder's plants (20 assumed), each with 100 waterings of its owner's 100 plants.
    const subscription = await overWebSocket(
      client,
      `subscription { notificationReceived { userPlants { owner { plants(first: 100) { edges { node {
        waterings(first: 100) { edges { node { id } } } } } } } } } }`,
    );
    expect(subscription).toMatchObject([refused]);
  });
});
