/**
 * Issue 9, items 5 and 6 and the revocation part of 4, end to end:
 *
 * 1. Production topology (every service its own process, Postgres, and a Redis server of this test's own): a session
 *    logged out through router 1 has its live socket on router 2 closed with 4401 well within 1 s, and no event
 *    reaches it after the logout mutation returned, though reminders were arriving every 150 ms.
 * 2. Same topology: Redis restarted without its data (no persistence, as after a failover) — a logged-out token stays
 *    refused throughout (never data), and a live session works again once auth has restored the list.
 * 3. In process, access tokens lasting 4 s: graphql-ws' own client, whose `connectionParams` refreshes the token,
 *    reconnects by itself when the router closes the socket with 4440 at expiry, and keeps receiving events; the
 *    README's Apollo Client set-up (apollo-client.ts) renews the token on the open socket before it expires, so the
 *    socket never closes and every event arrives, and refreshes and retries an HTTP request refused TOKEN_EXPIRED.
 *
 * Parts 1 and 2 need TEST_DATABASE_URL and REDIS_URL (its presence says Redis tests run; the server is our own): skipped
 * without them, except with CI=true, where their absence fails the run. Figures are printed, prefixed "[live e2e]".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { gql as apolloGql } from '@apollo/client';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Clock } from '@bloomzy/shared/clock';
import { gql, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds, testRedisUrl } from '@bloomzy/shared/testing/test-database';
import { createBloomzyClient, type Tokens } from './apollo-client.js';
import { startStack, type Stack } from './harness.js';
import { freePorts } from './ports.js';
import { startTopology, type Topology } from './processes.js';
import { eventually } from './wait-for.js';

const postgres = testDatabaseKinds().includes('postgres');
const redisTests = testRedisUrl() !== undefined;
const report = (line: string) => console.log(`[live e2e] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const SUBSCRIPTION = 'subscription { notificationReceived { id title } }';

interface Session {
  accessToken: string;
  refreshToken: string;
  headers: Record<string, string>;
}

async function signup(url: string): Promise<Session> {
  const handle = `live_${Math.random().toString(36).slice(2, 10)}`;
  const res = await gql<{ signup: { accessToken: string; refreshToken: string } }>(
    url,
    'mutation($input: SignupInput!) { signup(input: $input) { accessToken refreshToken } }',
    { input: { email: `${handle}@bloomzy.test`, password: 'green-thumb-1', username: handle, timezone: 'UTC' } },
  );
  if (!res.data) throw new Error(`signup failed: ${JSON.stringify(res.errors)}`);
  const { accessToken, refreshToken } = res.data.signup;
  return { accessToken, refreshToken, headers: { authorization: `Bearer ${accessToken}` } };
}

/**
 * Schedules `count` CARE_TIP notifications `everyMs` apart from `startInMs` on: a steady stream of live events.
 * `headers`: credentials that outlive the stream (an API key where access tokens last seconds).
 */
async function scheduleStream(
  url: string,
  headers: Record<string, string>,
  count: number,
  startInMs: number,
  everyMs: number,
) {
  const start = Date.now() + startInMs;
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      gql(
        url,
        'mutation($input: ScheduleNotificationInput!) { scheduleNotification(input: $input) { id } }',
        {
          input: {
            type: 'CARE_TIP',
            title: `tip ${i}`,
            body: 'Rotate your plant a quarter turn.',
            scheduledFor: new Date(start + i * everyMs).toISOString(),
            channels: ['IN_APP'],
          },
        },
        headers,
      ),
    ),
  );
  const failed = results.find((res) => res.errors);
  if (failed) throw new Error(`scheduleNotification failed: ${JSON.stringify(failed.errors)}`);
}

/** An API key that may schedule notifications for the user of `session` (it does not expire with the token). */
async function schedulingKey(url: string, session: Session): Promise<Record<string, string>> {
  const res = await gql<{ createApiKey: { secret: string } }>(
    url,
    'mutation { createApiKey(input: { name: "scheduler", scopes: [NOTIFICATIONS_WRITE] }) { secret } }',
    {},
    session.headers,
  );
  if (!res.data) throw new Error(`createApiKey failed: ${JSON.stringify(res.errors)}`);
  return { 'x-api-key': res.data.createApiKey.secret };
}

/** A graphql-ws subscription that records when each event and the close arrived. */
function subscribe(client: Client) {
  const events: { at: number; title: string }[] = [];
  let closed: { at: number; code: number | undefined } | undefined;
  client.subscribe<{ notificationReceived: { title: string } }>(
    { query: SUBSCRIPTION },
    {
      next: (value) => events.push({ at: Date.now(), title: value.data?.notificationReceived.title ?? '?' }),
      error: (error) => (closed = { at: Date.now(), code: (error as { code?: number }).code }),
      complete: () => {},
    },
  );
  return { events, closed: () => closed };
}

/** `redis-server` on a free port, without persistence: a restart loses everything, as a failover may. */
async function ownRedis() {
  const [port] = (await freePorts(1)) as [number];
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const probe = createConnection({ host: '127.0.0.1', port }, () => (probe.end(), resolve(true)));
        probe.on('error', () => resolve(false));
      });
      if (up) return;
      await sleep(50);
    }
    throw new Error('redis-server did not start');
  };
  const stop = async () => {
    const exiting = child && new Promise((r) => child?.once('exit', r));
    child?.kill('SIGKILL');
    await exiting;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, restartEmpty: async () => (await stop(), await start()), stop };
}

describe.skipIf(!postgres || !redisTests)('live credentials in the production topology', () => {
  let t: Topology;
  let redis: Awaited<ReturnType<typeof ownRedis>>;
  const clients: Client[] = [];
  const wsClient = (url: string, token: string) => {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    redis = await ownRedis();
    t = await startTopology(process.env.TEST_DATABASE_URL ?? '', redis.url);
    t.redis.client.on('error', () => {}); // its connection drops when the test restarts Redis
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await t?.stop().catch(() => undefined);
    await redis?.stop();
  }, 60_000);

  it('closes the live socket on another router within 1 s of logout, and delivers nothing after it returned', async () => {
    const user = await signup(t.router1.graphqlUrl);
    const sub = subscribe(wsClient(t.router2.graphqlUrl, user.accessToken));
    // Events every 150 ms from 1.5 s on; the logout falls in the middle of the stream.
    await scheduleStream(t.router1.graphqlUrl, user.headers, 30, 3_000, 150);
    await eventually(() => sub.events.length >= 5, Boolean, 10_000, 20);
    expect(sub.events.length).toBeGreaterThanOrEqual(5);

    const sentAt = Date.now();
    const out = await gql<{ logout: boolean }>(t.router1.graphqlUrl, 'mutation { logout }', {}, user.headers);
    const returnedAt = Date.now();
    expect(out.data?.logout).toBe(true);
    await eventually(() => !!sub.closed(), Boolean, 5_000, 5);
    const closed = sub.closed();
    expect(closed?.code).toBe(4401);
    // Counted from when the logout was sent: the close may even arrive before the mutation's response.
    const latencyMs = (closed?.at ?? Infinity) - sentAt;
    report(
      `logout took ${returnedAt - sentAt} ms; the socket on the other router closed ${latencyMs} ms after it was sent`,
    );
    expect(latencyMs).toBeLessThan(1_000);
    // The stream would have gone on for seconds: not one event after the logout returned.
    await sleep(1_000);
    const late = sub.events.filter((e) => e.at >= returnedAt);
    report(`${sub.events.length} events before logout, ${late.length} after`);
    expect(late).toEqual([]);
    // And the token is refused over HTTP, with a reason that says "sign in again".
    const me = await gql(t.router2.graphqlUrl, '{ me { id } }', {}, user.headers);
    expect(me.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
  }, 60_000);

  it('keeps a logged-out token out after Redis restarts without its data', async () => {
    const gone = await signup(t.router1.graphqlUrl);
    const staying = await signup(t.router1.graphqlUrl);
    expect((await gql(t.router1.graphqlUrl, 'mutation { logout }', {}, gone.headers)).errors).toBeUndefined();
    const me = (session: Session) =>
      gql<{ me: { id: string } | null }>(t.router1.graphqlUrl, '{ me { id } }', {}, session.headers);
    expect((await me(gone)).errors?.[0]?.extensions?.reason).toBe('SESSION_REVOKED');

    await redis.restartEmpty();
    const restartedAt = Date.now();
    // Until auth has restored the list, the answer may be a retryable refusal or an error; never the user's data.
    const seen: GraphQLResponse<{ me: { id: string } | null }>[] = [];
    let restoredAfterMs: number | undefined;
    while (Date.now() - restartedAt < 15_000) {
      const [goneRes, stayingRes] = await Promise.all([me(gone), me(staying)]);
      seen.push(goneRes);
      if (restoredAfterMs === undefined && stayingRes.data?.me) restoredAfterMs = Date.now() - restartedAt;
      if (restoredAfterMs !== undefined && Date.now() - restartedAt > restoredAfterMs + 2_000) break;
      await sleep(100);
    }
    const codes = [...new Set(seen.map((r) => String(r.errors?.[0]?.extensions?.code)))];
    report(
      `after the Redis restart: live sessions served again after ${restoredAfterMs} ms; logged-out token saw ${codes.join(', ')}`,
    );
    expect(seen.every((r) => !r.data?.me)).toBe(true);
    expect(restoredAfterMs).toBeDefined();
    expect((await me(gone)).errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SESSION_REVOKED',
    });
    expect((await me(staying)).data?.me).toBeTruthy();
  }, 60_000);
});

describe('live connections across token expiry (graphql-ws client refreshing in connectionParams)', () => {
  const TTL_SECONDS = 30;
  /** How long tokens live here: auth signs as if earlier, so its 30 s tokens (the minimum TTL) expire this soon. */
  const LIFETIME_MS = 4_000;
  const AGE_MS = TTL_SECONDS * 1000 - LIFETIME_MS;
  const authClock: Clock = { now: () => new Date(Date.now() - AGE_MS) };
  const realClock: Clock = { now: () => new Date() };
  let stack: Stack;
  let client: Client | undefined;

  beforeAll(async () => {
    stack = await startStack({
      clock: authClock,
      notificationsClock: realClock,
      env: { ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) },
    });
  }, 60_000);
  afterAll(async () => {
    await client?.dispose();
    await stack?.stop();
  });

  it('reconnects by itself with a fresh token when the router closes with 4440, and keeps receiving events', async () => {
    let session = await signup(stack.routerUrl);
    const scheduler = await schedulingKey(stack.routerUrl, session);
    let expiresAt = 0;
    const tokensSent: string[] = [];
    const closes: { at: number; code: number }[] = [];
    const connects: number[] = [];
    let lastClose = 0;
    /** As an app does: refresh the access token when it has expired, is about to, or the router said so (4440). */
    const freshToken = async () => {
      if (lastClose === 4440 || Date.now() > expiresAt - 500) {
        const res = await gql<{ refreshToken: { accessToken: string; refreshToken: string; expiresAt: string } }>(
          stack.routerUrl,
          'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken expiresAt } }',
          { t: session.refreshToken },
        );
        if (!res.data) throw new Error(`refresh failed: ${JSON.stringify(res.errors)}`);
        const { accessToken, refreshToken } = res.data.refreshToken;
        session = { accessToken, refreshToken, headers: { authorization: `Bearer ${accessToken}` } };
        expiresAt = Date.parse(res.data.refreshToken.expiresAt);
      }
      tokensSent.push(session.accessToken);
      return session.accessToken;
    };
    client = createClient({
      url: stack.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: async () => ({ authorization: `Bearer ${await freshToken()}` }),
      // Reconnect at once after a token expiry (the token is refreshed anyway); back off after anything else.
      retryWait: async (retries) => {
        if (lastClose === 4440) return;
        await sleep(Math.min(1000 * 2 ** retries, 10_000));
      },
      on: {
        connected: () => connects.push(Date.now()),
        closed: (event) => {
          lastClose = (event as { code: number }).code;
          closes.push({ at: Date.now(), code: lastClose });
        },
      },
    });
    const sub = subscribe(client);
    // Events every 250 ms for 11 s: nearly three token lifetimes.
    await scheduleStream(stack.routerUrl, scheduler, 44, 2_500, 250);
    // Until every event arrived or the stream is over (2.5 s + 11 s) by a margin: pushes lost in a gap are not resent.
    await eventually(() => sub.events.length >= 44, Boolean, 16_000, 50);

    const expiries = closes.filter((c) => c.code === 4440);
    const gaps = expiries.map((c) => (connects.find((at) => at >= c.at) ?? Infinity) - c.at);
    report(
      `${expiries.length} expiries, reconnected after ${gaps.join(', ')} ms; ${sub.events.length} of 44 events received`,
    );
    expect(sub.closed()).toBeUndefined(); // the subscription never ended
    expect(expiries.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tokensSent).size).toBeGreaterThanOrEqual(3);
    for (const gap of gaps) expect(gap).toBeLessThan(1_000);
    // Events kept coming after the second reconnect, and few fell into the gaps (live pushes during a reconnect and resubscribe are lost).
    const secondReconnect = connects.find((at) => at >= expiries[1]!.at) ?? Infinity;
    expect(sub.events.some((e) => e.at > secondReconnect)).toBe(true);
    expect(sub.events.length).toBeGreaterThanOrEqual(44 - 2 * expiries.length);
  }, 60_000);

  it("runs the README's Apollo Client set-up: subscriptions survive expiries, HTTP refreshes on TOKEN_EXPIRED", async () => {
    const res = await gql<{ signup: { accessToken: string; refreshToken: string; expiresAt: string } }>(
      stack.routerUrl,
      'mutation($input: SignupInput!) { signup(input: $input) { accessToken refreshToken expiresAt } }',
      { input: { email: `apollo-${Date.now()}@bloomzy.test`, password: 'green-thumb-1', timezone: 'UTC' } },
    );
    const signedUp = res.data!.signup;
    const scheduler = await schedulingKey(stack.routerUrl, {
      ...signedUp,
      headers: { authorization: `Bearer ${signedUp.accessToken}` },
    });
    let tokens: Tokens = { ...signedUp, expiresAt: Date.parse(signedUp.expiresAt) };
    const issued = new Set([tokens.accessToken]);
    let signedOut = 0;
    const closes: number[] = [];
    const apollo = createBloomzyClient({
      httpUrl: stack.routerUrl,
      wsUrl: stack.wsUrl,
      tokens: { get: () => tokens, set: (t) => (issued.add(t.accessToken), (tokens = t)) },
      onSignedOut: () => signedOut++,
      refreshMarginMs: 0,
      webSocketImpl: WebSocket,
      onSocketClosed: (code) => closes.push(code),
    });
    const events: number[] = [];
    let failed: unknown;
    const live = () =>
      apollo
        .subscribe<{ notificationReceived: { id: string } }>({ query: apolloGql(SUBSCRIPTION) })
        .subscribe({ next: () => events.push(Date.now()), error: (error: unknown) => (failed = error) });
    let subscription = live();
    try {
      await scheduleStream(stack.routerUrl, scheduler, 44, 2_500, 250);
      await eventually(() => events.length >= 44, Boolean, 16_000, 50);
      report(
        `Apollo Client: ${events.length} of 44 events over ${issued.size} access tokens, socket closes: [${closes.join(', ')}]`,
      );
      expect(failed).toBeUndefined();
      // Renewed on the open socket before each expiry: it never closed, and not one live event was missed.
      expect(issued.size).toBeGreaterThanOrEqual(3);
      expect(closes).toEqual([]);
      expect(events.length).toBe(44);
      subscription.unsubscribe(); // else its reconnects keep the token fresh

      // A token this client believes valid for an hour was refused as expired: refreshed once, the query answered.
      await sleep(LIFETIME_MS + 500);
      tokens = { ...tokens, expiresAt: Date.now() + 3_600_000 };
      const before = tokens.accessToken;
      const me = await apollo.query<{ me: { id: string } }>({
        query: apolloGql('{ me { id } }'),
        fetchPolicy: 'network-only',
      });
      expect(me.data?.me.id).toBeTruthy();
      expect(tokens.accessToken).not.toBe(before);

      // Logout: the router closes the socket with 4401 (or a reconnect cannot refresh): the app is signed out.
      subscription = live();
      await sleep(300);
      await apollo.mutate({ mutation: apolloGql('mutation { logout }') });
      await eventually(() => signedOut > 0, Boolean, 4_000, 20);
      expect(signedOut).toBeGreaterThan(0);
    } finally {
      subscription.unsubscribe();
      apollo.stop();
    }
  }, 60_000);

  it("refuses to renew a connection with another user's token or an invalid one; the connection stays", async () => {
    const owner = await signup(stack.routerUrl);
    const stranger = await signup(stack.routerUrl);
    const ws = createClient({
      url: stack.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${owner.accessToken}` },
      retryAttempts: 0,
    });
    const renew = (authorization: string) =>
      new Promise<unknown>((resolve) => {
        ws.subscribe(
          { query: 'query Renew { __typename }', extensions: { authorization } },
          { next: (value) => resolve(value), error: (error) => resolve(error), complete: () => {} },
        );
      });
    try {
      expect(await renew(`Bearer ${stranger.accessToken}`)).toMatchObject([{ extensions: { code: 'FORBIDDEN' } }]);
      expect(await renew('Bearer nonsense')).toMatchObject([
        { extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' } },
      ]);
      expect(await renew(`Bearer ${owner.accessToken}`)).toMatchObject({ data: { __typename: 'Query' } });
    } finally {
      await ws.dispose();
    }
  }, 20_000);

  it('refuses an expired token over HTTP with reason TOKEN_EXPIRED, an invalid one with TOKEN_INVALID', async () => {
    const session = await signup(stack.routerUrl);
    await sleep(LIFETIME_MS + 500);
    const expired = await stack.query('{ me { id } }', {}, session.headers);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    const invalid = await stack.query('{ me { id } }', {}, { authorization: 'Bearer nonsense' });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  }, 20_000);
});
