/**
 * Per-client rate limits through real routers, as clients meet them: a client that floods is refused with
 * RATE_LIMITED, HTTP 429 and Retry-After while another client is served; WebSocket connections and subscriptions are
 * capped per user; operations over graphql-ws spend the same budget as HTTP ones; and two routers over one Redis
 * enforce one budget. The stack runs with low limits (30 operations per minute) and trusts X-Forwarded-For from
 * loopback, so the test can speak as several anonymous clients.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadRouterConfig } from '@bloomzy/router/config';
import { startRouter } from '@bloomzy/router/server';
import { createCoordination, type Coordination } from '@bloomzy/shared/coordination';
import { createLogger } from '@bloomzy/shared/logger';
import type { RunningService } from '@bloomzy/shared/service';
import { gql } from '@bloomzy/shared/testing/graphql-client';
import { TEST_SUBGRAPH_SECRET } from '@bloomzy/shared/testing/router-credential';
import { testRedisUrl } from '@bloomzy/shared/testing/test-database';
import { signupUser, startStack, type Stack } from './harness.js';

const redisUrl = testRedisUrl();
const LIMITS = {
  RATE_LIMIT_REQUESTS: '30',
  RATE_LIMIT_WINDOW_SECONDS: '60',
  WS_MAX_CONNECTIONS_PER_CLIENT: '2',
  WS_MAX_SUBSCRIPTIONS_PER_CLIENT: '1',
  TRUSTED_PROXIES: 'loopback',
};
const CATALOG = '{ indoorPlants(first: 1) { edges { node { id } } } }';
const ME = '{ me { id } }';
const SUBSCRIPTION = 'subscription { notificationReceived { id } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type User = Awaited<ReturnType<typeof signupUser>>;

/** A POST to `url` as a client would send it; status, Retry-After and body. */
async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string; retryAfter?: number } }[];
  };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), headers: res.headers, body };
}

interface Message {
  id?: string;
  type: string;
  payload?: unknown;
}

/** A graphql-transport-ws socket spoken by hand, so the test sees every message and close code as sent. */
function openSocket(url: string, connectionParams: Record<string, unknown>) {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  const messages: Message[] = [];
  let notify = () => {};
  ws.on('message', (data: WebSocket.RawData) => {
    messages.push(JSON.parse(data.toString()) as Message);
    notify();
  });
  ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
  );
  /** The first message (received or coming) that matches; undefined after `timeoutMs` or once the socket closed. */
  const message = (match: (m: Message) => boolean, timeoutMs = 5_000) =>
    new Promise<Message | undefined>((resolve) => {
      const done = (found: Message | undefined) => {
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      const check = () => {
        const found = messages.find(match);
        if (found) done(found);
      };
      notify = check;
      void closed.then(() => done(messages.find(match)));
      check();
    });
  return {
    messages,
    closed,
    /** 'ack' once the router accepted the connection, else how it closed it. */
    accepted: () => Promise.race([message((m) => m.type === 'connection_ack').then(() => 'ack' as const), closed]),
    send: (m: Message) => ws.send(JSON.stringify(m)),
    message,
    close: () => ws.close(1000),
  };
}
type Socket = ReturnType<typeof openSocket>;

const firstError = (m: Message | undefined) => (m?.payload as { extensions?: { code?: string } }[] | undefined)?.[0];

describe('per-client rate limits at the router', () => {
  let stack: Stack;
  const sockets: Socket[] = [];
  const socket = (user: User) => {
    const s = openSocket(stack.wsUrl, { authorization: `Bearer ${user.accessToken}` });
    sockets.push(s);
    return s;
  };
  beforeAll(async () => {
    stack = await startStack({ env: LIMITS });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await stack?.stop();
  });

  it('refuses a flooding anonymous client with RATE_LIMITED, 429 and Retry-After; another client is served', async () => {
    const flooder = { 'x-forwarded-for': '198.51.100.1' };
    const started = Date.now();
    const flood = await Promise.all(Array.from({ length: 45 }, () => post(stack.routerUrl, CATALOG, flooder)));
    const floodMs = Date.now() - started;
    const served = flood.filter((r) => r.status === 200);
    const refused = flood.filter((r) => r.status === 429);
    expect(served).toHaveLength(30);
    expect(refused).toHaveLength(15);
    for (const r of served) expect(r.body.errors).toBeUndefined();
    for (const r of refused) {
      const retryAfter = Number(r.retryAfter);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors).toEqual([
        {
          message: `Rate limit exceeded: at most 30 operations per 60 s per client; retry in ${retryAfter} s`,
          extensions: { code: 'RATE_LIMITED', retryAfter, requestId: expect.any(String) },
        },
      ]);
    }
    console.log(`[rate-limits e2e] 45 concurrent requests from one client: 30 served, 15 refused in ${floodMs} ms`);
    // Every refusal after the first is held RATE_LIMIT_REFUSAL_DELAY_MS (1 s by default) before it is answered.
    expect(floodMs).toBeGreaterThanOrEqual(950);

    const other = await post(stack.routerUrl, CATALOG, { 'x-forwarded-for': '198.51.100.2' });
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
    // Still refused: the window has not passed. A browser app may read when to retry (CORS exposes Retry-After).
    const fromBrowser = await post(stack.routerUrl, CATALOG, { ...flooder, origin: 'https://app.bloomzy.example' });
    expect(fromBrowser.status).toBe(429);
    expect(fromBrowser.headers.get('access-control-allow-origin')).toBe('*');
    expect(fromBrowser.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
  });

  it('counts a signed-in user against her own budget, wherever she sends from', async () => {
    const [alice, bob] = [await signupUser(stack), await signupUser(stack)];
    // From the address that flooded above: alice is herself, not that address.
    const fromFlooder = { ...alice.headers, 'x-forwarded-for': '198.51.100.1' };
    expect((await post(stack.routerUrl, ME, fromFlooder)).status).toBe(200);
    // Changing addresses does not give her a fresh budget.
    const spread = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(stack.routerUrl, ME, { ...alice.headers, 'x-forwarded-for': `192.0.2.${i + 1}` }),
      ),
    );
    expect(spread.filter((r) => r.status === 200)).toHaveLength(29);
    const [refusal] = spread.filter((r) => r.status === 429);
    expect(refusal?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    const others = await post(stack.routerUrl, ME, bob.headers);
    expect(others.status).toBe(200);
    expect(others.body.data).toEqual({ me: { id: bob.user.id } });
  });

  it('closes a WebSocket connection beyond the per-user limit with 4429', async () => {
    const carol = await signupUser(stack);
    const [first, second] = [socket(carol), socket(carol)];
    expect(await first.accepted()).toBe('ack');
    expect(await second.accepted()).toBe('ack');
    const third = socket(carol);
    expect(await third.accepted()).toEqual({ code: 4429, reason: 'Too many connections: at most 2 per client' });
    // Another user is not affected; and once carol closes one, she may open another.
    expect(await socket(await signupUser(stack)).accepted()).toBe('ack');
    first.close();
    await first.closed;
    let again: unknown;
    for (let attempt = 0; attempt < 20 && again !== 'ack'; attempt++) {
      if (attempt) await sleep(50);
      again = await socket(carol).accepted();
    }
    expect(again).toBe('ack');
  });

  it('refuses a subscription beyond the per-user limit with a RATE_LIMITED error message', async () => {
    const dave = await signupUser(stack);
    const ws = socket(dave);
    expect(await ws.accepted()).toBe('ack');
    ws.send({ id: 's1', type: 'subscribe', payload: { query: SUBSCRIPTION } });
    await sleep(200);
    ws.send({ id: 's2', type: 'subscribe', payload: { query: SUBSCRIPTION } });
    const refused = await ws.message((m) => m.id === 's2');
    expect(refused?.type).toBe('error');
    expect(firstError(refused)).toEqual({
      message: 'Too many subscriptions: at most 1 at once per client',
      extensions: { code: 'RATE_LIMITED' },
    });
    // Completing s1 frees its slot for s3, which then holds it against s4.
    ws.send({ id: 's1', type: 'complete' });
    await sleep(200);
    ws.send({ id: 's3', type: 'subscribe', payload: { query: SUBSCRIPTION } });
    await sleep(200);
    ws.send({ id: 's4', type: 'subscribe', payload: { query: SUBSCRIPTION } });
    expect((await ws.message((m) => m.id === 's4'))?.type).toBe('error');
    expect(ws.messages.filter((m) => m.id === 's1' || m.id === 's3')).toEqual([]);
  });

  it('counts operations over graphql-ws against the same request budget as HTTP', async () => {
    const erin = await signupUser(stack);
    for (let i = 0; i < 29; i++) expect((await post(stack.routerUrl, ME, erin.headers)).status).toBe(200);
    const ws = socket(erin);
    expect(await ws.accepted()).toBe('ack');
    ws.send({ id: 'q1', type: 'subscribe', payload: { query: ME } });
    expect((await ws.message((m) => m.id === 'q1' && m.type !== 'complete'))?.payload).toEqual({
      data: { me: { id: erin.user.id } },
      extensions: { cost: { estimated: 1, max: expect.any(Number) } },
    });
    ws.send({ id: 'q2', type: 'subscribe', payload: { query: ME } });
    const refused = await ws.message((m) => m.id === 'q2');
    expect(refused?.type).toBe('error');
    expect(firstError(refused)?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect((await post(stack.routerUrl, ME, erin.headers)).status).toBe(429);
  });

  describe.skipIf(!redisUrl)('two routers over one Redis', () => {
    const logger = createLogger({ service: 'e2e', level: 'error' });
    const keyPrefix = `bloomzy-test:${randomBytes(6).toString('hex')}`;
    const routers: RunningService[] = [];
    const coordinations: Coordination[] = [];
    beforeAll(async () => {
      for (let i = 0; i < 2; i++) {
        const coordination = await createCoordination({ redisUrl, logger, keyPrefix });
        coordinations.push(coordination);
        const router = await startRouter({
          config: loadRouterConfig({
            NODE_ENV: 'test',
            // The subgraphs answer only the router: these routers hold the same secret.
            SUBGRAPH_SECRET: TEST_SUBGRAPH_SECRET,
            ROUTER_HOST: '127.0.0.1',
            ROUTER_PORT: '0',
            AUTH_URL: stack.auth.url.replace(/\/graphql$/, ''),
            SUBGRAPH_AUTH_URL: stack.auth.url,
            SUBGRAPH_PLANTS_URL: stack.plants.url,
            SUBGRAPH_NOTIFICATIONS_URL: stack.notifications.url,
            RATE_LIMIT_REQUESTS: '20',
            RATE_LIMIT_WINDOW_SECONDS: '60',
          }),
          logger,
          revocations: stack.coordination.revocations,
          redis: coordination.redis,
          rateLimitKeyPrefix: keyPrefix,
        });
        routers.push(router);
      }
    });
    afterAll(async () => {
      for (const router of routers) await router.stop();
      for (const coordination of coordinations) await coordination.close();
    });

    it('enforces one budget per client across both', async () => {
      const [frank, grace] = [await signupUser(stack), await signupUser(stack)];
      const [one, two] = routers as [RunningService, RunningService];
      for (let i = 0; i < 12; i++) expect((await gql(one.url, ME, {}, frank.headers)).status).toBe(200);
      for (let i = 0; i < 8; i++) expect((await gql(two.url, ME, {}, frank.headers)).status).toBe(200);
      // 20 spent across the two: the 21st is refused on either router.
      const [viaOne, viaTwo] = [await post(one.url, ME, frank.headers), await post(two.url, ME, frank.headers)];
      for (const refused of [viaOne, viaTwo]) {
        expect(refused.status).toBe(429);
        expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
        expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      }
      expect((await gql(two.url, ME, {}, grace.headers)).status).toBe(200);
    });
  });
});
