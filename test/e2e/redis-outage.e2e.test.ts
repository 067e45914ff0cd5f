/**
 * Redis lost and found, in the production topology (every service its own process, Postgres, and a redis-server of
 * this test's own on a free port, so the shared one is never stopped):
 *
 * 1. Redis stopped: every service's /ready answers 503, and authenticated requests fail at once with the retryable
 *    SERVICE_UNAVAILABLE, never INTERNAL_SERVER_ERROR; Redis back: /ready 200 and requests succeed, without a restart.
 * 2. Redis back without its data (streams and consumer groups gone): the consumers recreate their groups and events
 *    flow again — a watering reaches notifications' reminder planning, a profile change reaches plants.
 * 3. A service whose database or Redis does not answer at start-up waits STARTUP_TIMEOUT_SECONDS, then exits with one
 *    JSON log line naming the variable.
 *
 * Needs TEST_DATABASE_URL (skipped without it, a failure with CI=true) and redis-server on PATH. Figures are printed,
 * prefixed "[redis e2e]".
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { gql, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { startTestRedisServer, type TestRedisServer } from '@bloomzy/shared/testing/redis-server';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { freePorts } from './ports.js';
import { startTopology, type Topology } from './processes.js';
import { eventually } from './wait-for.js';

const postgres = testDatabaseKinds().includes('postgres');
const report = (line: string) => console.log(`[redis e2e] ${line}`);

async function call<T>(router: { graphqlUrl: string }, query: string, variables = {}, headers = {}): Promise<T> {
  const res = await gql<T>(router.graphqlUrl, query, variables, headers);
  if (!res.data || res.errors) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

interface User {
  id: string;
  headers: Record<string, string>;
}

async function signup(router: { graphqlUrl: string }): Promise<User> {
  const username = `redis_${Math.random().toString(36).slice(2, 10)}`;
  const { signup: s } = await call<{ signup: { accessToken: string; user: { id: string } } }>(
    router,
    'mutation($input: SignupInput!) { signup(input: $input) { accessToken user { id } } }',
    { input: { email: `${username}@bloomzy.test`, password: 'green-thumb-1', username, timezone: 'UTC' } },
  );
  return { id: s.user.id, headers: { authorization: `Bearer ${s.accessToken}` } };
}

async function addPlant(router: { graphqlUrl: string }, user: User): Promise<string> {
  const species = await call<{ indoorPlants: { edges: { node: { id: string } }[] } }>(
    router,
    '{ indoorPlants(first: 1, filter: { text: "Monstera deliciosa" }) { edges { node { id } } } }',
  );
  const added = await call<{ addUserPlant: { id: string } }>(
    router,
    'mutation($input: AddUserPlantInput!) { addUserPlant(input: $input) { id } }',
    { input: { plantId: species.indoorPlants.edges[0]?.node.id, nickname: 'Fern' } },
    user.headers,
  );
  return added.addUserPlant.id;
}

const WATER = 'mutation($input: WaterPlantInput!) { waterPlant(input: $input) { userPlant { nextWateringAt } } }';
const ME = '{ me { id } }';
/** The close code of a graphql-ws connection opened (and not retried) through `router` as `user`. */
/** The code the router closes a graphql-ws connection with after its `connection_init` (raw socket: no retries). */
function webSocketCloseCode(router: { baseUrl: string }, user: User): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${router.baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: user.headers.authorization } })),
    );
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);

describe.skipIf(!postgres)('Redis outages in the production topology', () => {
  let redis: TestRedisServer;
  let t: Topology;
  let user: User;
  let plantId: string;
  const services = () => [t.auth, t.plants, t.notificationsA, t.notificationsB, t.router1, t.router2];
  const readiness = () =>
    Promise.all(
      services().map((s) =>
        fetch(`${s.baseUrl}/ready`).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    );

  beforeAll(async () => {
    const started = Date.now();
    redis = await startTestRedisServer();
    t = await startTopology(process.env.TEST_DATABASE_URL ?? '', redis.url);
    user = await signup(t.router1);
    plantId = await addPlant(t.router1, user);
    report(`topology up in ${Date.now() - started} ms on redis-server :${redis.port}`);
  }, 120_000);
  afterAll(async () => {
    await redis?.start(); // the topology empties its Redis database on stop
    await t?.stop();
    await redis?.stop();
  }, 60_000);
  beforeEach((context) => {
    context.onTestFailed(() => console.error(`--- service output ---\n${t.output()}`));
  });

  it('answers 503 on /ready and SERVICE_UNAVAILABLE while Redis is down, and recovers by itself', async () => {
    expect(await readiness()).toEqual([200, 200, 200, 200, 200, 200]);
    await redis.stop();
    const stoppedAt = Date.now();
    const down = await eventually(readiness, (s) => s.every((status) => status === 503), 10_000);
    expect(down).toEqual([503, 503, 503, 503, 503, 503]);
    report(`every /ready 503 ${Date.now() - stoppedAt} ms after Redis stopped`);

    const requestStarted = Date.now();
    const me = await gql(t.router1.graphqlUrl, ME, {}, user.headers);
    const took = Date.now() - requestStarted;
    expect(me.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    const water = await gql(t.router2.graphqlUrl, WATER, { input: { userPlantId: plantId } }, user.headers);
    expect(codes(water)).toEqual(['SERVICE_UNAVAILABLE']);
    // 1013 (try again later), which graphql-ws clients retry, unlike 4401.
    expect(await webSocketCloseCode(t.router1, user)).toBe(1013);
    // The catalog needs no Redis: served, or refused as retryable by a router whose rate limits need Redis; never a bug.
    const anonymous = await gql(t.router1.graphqlUrl, '{ indoorPlants(first: 1) { totalCount } }');
    expect(codes(anonymous)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(anonymous.data?.indoorPlants ?? codes(anonymous)).toBeTruthy();
    report(
      `an authenticated request during the outage: HTTP ${me.status}, SERVICE_UNAVAILABLE in ${took} ms; ` +
        `an anonymous catalog query: ${anonymous.errors ? codes(anonymous).join(', ') : 'served'}`,
    );

    await redis.start(); // empty: a restart without persistence
    const restartedAt = Date.now();
    const up = await eventually(readiness, (s) => s.every((status) => status === 200), 20_000);
    expect(up).toEqual([200, 200, 200, 200, 200, 200]);
    report(`every /ready 200 again ${Date.now() - restartedAt} ms after Redis restarted`);
    // Redis came back empty: signed-in requests answer SERVICE_UNAVAILABLE (retryable) until auth has restored the
    // revocation list from its database (it checks every second), then are served again.
    const back = await eventually(
      () => gql<{ me: { id: string } }>(t.router1.graphqlUrl, ME, {}, user.headers),
      (res) => res.errors === undefined,
      10_000,
    );
    expect(back.errors).toBeUndefined();
    expect(back.data?.me.id).toBe(user.id);
    report(`signed-in requests served again ${Date.now() - restartedAt} ms after Redis restarted`);
  }, 60_000);

  it('resumes consuming after Redis lost its streams and groups: nothing published afterwards is lost', async () => {
    // Runs after the restart above, which started Redis empty.
    const watered = await call<{ waterPlant: { userPlant: { nextWateringAt: string } } }>(
      t.router2,
      WATER,
      { input: { userPlantId: plantId, amountMl: 250 } },
      user.headers,
    );
    const due = new Date(watered.waterPlant.userPlant.nextWateringAt);
    const sendAt = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate(), 9)).toISOString();
    const wateredAt = Date.now();
    const pending = await eventually(
      async () => {
        const res = await call<{
          notifications: { edges: { node: { scheduledFor: string; userPlant: { id: string } | null } }[] };
        }>(
          t.router1,
          '{ notifications(filter: { status: [SCHEDULED], type: [WATERING_REMINDER] }, first: 100) { edges { node { scheduledFor userPlant { id } } } } }',
          {},
          user.headers,
        );
        return res.notifications.edges.map((e) => e.node).filter((n) => n.userPlant?.id === plantId);
      },
      (list) => list.length === 1 && list[0]?.scheduledFor === sendAt,
      15_000,
    );
    expect(pending).toEqual([{ scheduledFor: sendAt, userPlant: { id: plantId } }]);
    report(`a watering after the data loss planned its reminder in ${Date.now() - wateredAt} ms`);
    // The group was recreated from the start of the new stream: every event in it was read and acknowledged.
    const groups = (await t.redis.client.xinfo('GROUPS', 'bloomzy:events:plants.care-schedule')) as unknown[][];
    const group = Object.fromEntries(
      (groups[0] ?? []).flatMap((v, i, all) => (i % 2 === 0 ? [[String(v), all[i + 1]]] : [])),
    ) as Record<string, unknown>;
    expect(group).toMatchObject({ name: 'notifications', pending: 0, lag: 0 });

    await call(t.router1, 'mutation { updateProfile(input: { timezone: "Asia/Tokyo" }) { id } }', {}, user.headers);
    const plantsDb = new pg.Client({ connectionString: t.databases.urls.plants });
    await plantsDb.connect();
    try {
      const stored = await eventually(
        async () =>
          (
            await plantsDb.query<{ timezone: string }>('SELECT timezone FROM "UserProfile" WHERE "userId" = $1', [
              user.id,
            ])
          ).rows[0]?.timezone,
        (timezone) => timezone === 'Asia/Tokyo',
        15_000,
      );
      expect(stored).toBe('Asia/Tokyo');
    } finally {
      await plantsDb.end();
    }
  }, 60_000);

  it.each([
    ['PLANTS_DATABASE_URL', 'postgres'],
    ['REDIS_URL', 'redis'],
  ])(
    'exits after STARTUP_TIMEOUT_SECONDS with one JSON log line naming %s',
    async (variable, missing) => {
      const [closed = 0, port = 0] = await freePorts(2);
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_JSON: 'true',
        STARTUP_TIMEOUT_SECONDS: '1',
        PLANTS_HOST: '127.0.0.1',
        PLANTS_PORT: String(port),
        REDIS_URL: missing === 'redis' ? `redis://127.0.0.1:${closed}` : redis.url,
        PLANTS_DATABASE_URL:
          missing === 'postgres' ? `postgres://postgres@127.0.0.1:${closed}/nowhere` : t.databases.urls.plants,
      };
      const started = Date.now();
      const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/plants/src/main.ts'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      const lines = output.split('\n').filter((line) => line.trim());
      const failures = lines.filter((line) => line.includes(variable));
      expect(code).toBe(1);
      expect(failures).toHaveLength(1);
      const entry = JSON.parse(failures[0] ?? '{}') as { level?: unknown; msg?: string };
      expect(entry.msg).toContain(`${variable}: `);
      expect(entry.msg).toContain('STARTUP_TIMEOUT_SECONDS');
      report(`${variable} unreachable: exited after ${Date.now() - started} ms: ${entry.msg}`);
    },
    30_000,
  );
});
