/**
 * Issue 9 in the production topology (every service its own process): the plants subgraph killed with SIGKILL. While
 * it is down a client still gets what the other subgraphs own — `me { username }` — with `plants` null and a
 * retryable SERVICE_UNAVAILABLE error naming the plants subgraph, and the routers' /ready answers 503 so a load
 * balancer stops sending them traffic. Once plants is back, full data again and /ready 200, without restarting the
 * routers. And auth killed: `me { plants }` is answered by plants alone, which shares `me`.
 *
 * Needs TEST_DATABASE_URL and REDIS_URL: skipped without them, except with CI=true, where their absence fails the run.
 * Figures are printed, prefixed "[outage e2e]".
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds, testRedisUrl } from '@bloomzy/shared/testing/test-database';
import { startTopology, type Topology } from './processes.js';
import { eventually } from './wait-for.js';

const postgres = testDatabaseKinds().includes('postgres');
const redisUrl = testRedisUrl();
const report = (line: string) => console.log(`[outage e2e] ${line}`);

const ME = '{ me { username plants { totalCount } } }';
type Me = { me: { username: string; plants: { totalCount: number } | null } | null };

describe.skipIf(!postgres || !redisUrl)('production topology: a subgraph killed and restarted', () => {
  let t: Topology;
  let headers: Record<string, string>;
  let username: string;
  const ready = async (router: { baseUrl: string }) => (await fetch(`${router.baseUrl}/ready`)).status;
  const me = (): Promise<GraphQLResponse<Me>> => gql<Me>(t.router1.graphqlUrl, ME, {}, headers);

  beforeAll(async () => {
    const started = Date.now();
    t = await startTopology(process.env.TEST_DATABASE_URL ?? '', redisUrl ?? '');
    report(`topology up in ${Date.now() - started} ms`);
    username = `outage_${Math.random().toString(36).slice(2, 10)}`;
    const signup = await gql<{ signup: { accessToken: string } }>(
      t.router1.graphqlUrl,
      'mutation($input: SignupInput!) { signup(input: $input) { accessToken } }',
      { input: { email: `${username}@bloomzy.test`, password: 'green-thumb-1', username, timezone: 'UTC' } },
    );
    headers = { authorization: `Bearer ${signup.data?.signup.accessToken ?? ''}` };
    const species = await gql<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
      t.router1.graphqlUrl,
      '{ indoorPlants(first: 1) { edges { node { id } } } }',
    );
    const added = await gql(
      t.router1.graphqlUrl,
      'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
      { input: { plantId: species.data?.indoorPlants.edges[0]?.node.id, nickname: 'Monty' } },
      headers,
    );
    expect(added.errors).toBeUndefined();
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  beforeEach((context) => {
    context.onTestFailed(() => console.error(`--- service output ---\n${t.output()}`));
  });

  it('answers partially while plants is down, and in full once it is back', async () => {
    expect((await me()).data).toEqual({ me: { username, plants: { totalCount: 1 } } });
    expect(await ready(t.router1)).toBe(200);

    // A client keeps asking through router 2 from before the kill until the end: every answer must carry the username.
    const answers: GraphQLResponse<Me>[] = [];
    let asking = true;
    const client = (async () => {
      while (asking) answers.push(await gql<Me>(t.router2.graphqlUrl, ME, {}, headers));
    })();

    t.plants.kill();
    await t.plants.exited;
    const killedAt = Date.now();
    const partial = await me();
    report(`first answer after the kill in ${Date.now() - killedAt} ms`);
    expect(partial.data).toEqual({ me: { username, plants: null } });
    expect(partial.errors).toHaveLength(1);
    expect(partial.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^The plants service is unavailable/),
      extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: 'plants', retryable: true },
    });
    // Nothing about where plants lives reaches the client.
    expect(JSON.stringify(partial)).not.toContain(new URL(t.plants.baseUrl).port);
    expect(JSON.stringify(partial)).not.toContain('127.0.0.1');
    expect(await ready(t.router1)).toBe(503);
    expect(await ready(t.router2)).toBe(503);

    const restartedAt = Date.now();
    t.plants = await t.restart(t.plants);
    report(`plants ready again ${Date.now() - restartedAt} ms after its restart began`);
    const full = await eventually(me, (r) => r.data?.me?.plants?.totalCount === 1, 10_000);
    expect(full.errors).toBeUndefined();
    expect(full.data).toEqual({ me: { username, plants: { totalCount: 1 } } });
    expect(
      await eventually(
        () => ready(t.router1),
        (status) => status === 200,
        10_000,
      ),
    ).toBe(200);
    expect(await ready(t.router2)).toBe(200);
    report(`full data and /ready 200 ${Date.now() - restartedAt} ms after the restart began`);

    asking = false;
    await client;
    const degraded = answers.filter((a) => a.data?.me?.plants === null);
    report(`${answers.length} requests during the kill and restart: ${degraded.length} partial, the rest complete`);
    expect(degraded.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(answer.data?.me?.username).toBe(username);
      for (const error of answer.errors ?? []) {
        expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', subgraph: 'plants', retryable: true });
      }
    }
  }, 60_000);

  it("answers `me { plants }` from plants alone while auth is down (`me` is plants' too)", async () => {
    const ME_PLANTS = '{ me { id plants { totalCount } } }';
    t.auth.kill();
    await t.auth.exited;
    const answer = await gql<{ me: { id: string; plants: { totalCount: number } } }>(
      t.router1.graphqlUrl,
      ME_PLANTS,
      {},
      headers,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.me.plants.totalCount).toBe(1);
    // Fields only auth has are still auth's: null with auth's error.
    const partial = await me();
    expect(partial.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', subgraph: 'auth' });
    t.auth = await t.restart(t.auth);
    expect((await eventually(me, (r) => r.data?.me?.username === username, 10_000)).errors).toBeUndefined();
  }, 60_000);
});
