import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:net';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServiceCredentials, SERVICE_CREDENTIAL_HEADER } from './auth/service-credential.js';
import { ManualClock } from './clock.js';
import { createLogger } from './logger.js';
import { subgraphs } from './manifest.js';
import { startSubgraph, type RunningSubgraph } from './subgraph.js';

const logger = createLogger({ service: 'test', level: 'silent' });

/** Records the order in which the skeleton releases what a subgraph holds. */
function fixture() {
  const events: string[] = [];
  return {
    events,
    options: {
      name: subgraphs()[0]?.name ?? '',
      logger,
      credentials: undefined,
      resolvers: {},
      context: async () => ({}),
      database: {
        opened: {
          kind: 'pglite' as const,
          adapter: {} as SqlMigrationAwareDriverAdapterFactory,
          location: 'in memory',
          close: async () => void events.push('database closed'),
        },
        client: {
          $queryRawUnsafe: async () => [{ '?column?': 1 }],
          $disconnect: async () => void events.push('client disconnected'),
        },
      },
      background: [
        { stop: async () => void events.push('job stopped') },
        { stop: async () => void events.push('consumer stopped') },
      ],
    },
  };
}

let blocker: Server | undefined;
afterEach(() => blocker?.close());

describe('startSubgraph', () => {
  it('stops background work first, then the server, then the database', async () => {
    const { events, options } = fixture();
    const running = await startSubgraph({ ...options, config: { host: '127.0.0.1', port: 0, production: false } });
    const ready = await fetch(`${running.url.replace(/\/graphql$/, '')}/ready`);
    expect(ready.status).toBe(200);
    await running.stop();
    expect(events).toEqual(['job stopped', 'consumer stopped', 'client disconnected', 'database closed']);
  });

  it('answers /ready with 503 while Redis (the coordination) or the database does not answer, 200 once they do', async () => {
    const { options } = fixture();
    let redisUp = true;
    let databaseUp = true;
    const running = await startSubgraph({
      ...options,
      config: { host: '127.0.0.1', port: 0, production: false },
      coordination: { ready: async () => redisUp },
      database: {
        ...options.database,
        client: {
          ...options.database.client,
          $queryRawUnsafe: async () => {
            if (!databaseUp) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
            return [{ '?column?': 1 }];
          },
        },
      },
    });
    const ready = async () => (await fetch(`${running.url.replace(/\/graphql$/, '')}/ready`)).status;
    try {
      expect(await ready()).toBe(200);
      redisUp = false;
      expect(await ready()).toBe(503);
      redisUp = true;
      databaseUp = false;
      expect(await ready()).toBe(503);
      databaseUp = true;
      expect(await ready()).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('releases background work and the database when the server cannot start', async () => {
    blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker?.listen(0, '127.0.0.1', () => resolve((blocker?.address() as { port: number }).port)),
    );
    const { events, options } = fixture();
    await expect(startSubgraph({ ...options, config: { host: '127.0.0.1', port, production: false } })).rejects.toThrow(
      /EADDRINUSE|address already in use/,
    );
    expect(events).toEqual(['job stopped', 'consumer stopped', 'client disconnected', 'database closed']);
  });

  it('suggests no field in production, where introspection is off', async () => {
    const { options } = fixture();
    // Production requires the service credential; the request is the router's, signed with it.
    const secret = 'a-secret-for-the-suggestions-test-only';
    const router = createServiceCredentials({ secret, issuer: 'router' });
    for (const production of [false, true]) {
      const running = await startSubgraph({
        ...options,
        config: { host: '127.0.0.1', port: 0, production },
        credentials: createServiceCredentials({ secret, issuer: options.name }),
      });
      const [field = ''] = Object.keys(running.schema.getQueryType()?.getFields() ?? {});
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await router.headersFor(options.name)) },
        body: JSON.stringify({ query: `{ ${field.slice(0, -1)} }` }),
      });
      const { errors } = (await res.json()) as { errors: { message: string }[] };
      await running.stop();
      expect(errors[0]?.message.includes(`Did you mean "${field}"?`)).toBe(!production);
    }
  });
});

describe('a subgraph with a service credential secret', () => {
  const SECRET = 'the-secret-the-router-and-subgraphs-share';
  const [self, other] = subgraphs();
  if (!self || !other) throw new Error('supergraph.yaml lists fewer than two subgraphs');
  const router = createServiceCredentials({ secret: SECRET, issuer: 'router' });
  let running: RunningSubgraph;
  let base: string;
  beforeAll(async () => {
    const { options } = fixture();
    running = await startSubgraph({
      ...options,
      config: { host: '127.0.0.1', port: 0, production: false },
      credentials: createServiceCredentials({ secret: SECRET, issuer: self.name }),
      routes: (app) => {
        app.post('/internal/echo', { config: { serviceAudience: 'credential-endpoints' } }, async () => ({ ok: 1 }));
      },
    });
    base = running.url.replace(/\/graphql$/, '');
  });
  afterAll(() => running?.stop());

  const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const query = (headers?: Record<string, string>) => post(running.url, { query: '{ _service { sdl } }' }, headers);
  const refused = {
    status: 403,
    body: { errors: [{ message: expect.stringMatching(/only the router/), extensions: { code: 'FORBIDDEN' } }] },
  };

  it('serves the router: a token signed with the secret, addressed to this subgraph', async () => {
    const res = await query(await router.headersFor(self.name));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ data: { _service: { sdl: expect.stringContaining('type') } } });
  });

  it('refuses with 403 a request without it, signed with another secret, for another subgraph or expired', async () => {
    const stranger = createServiceCredentials({ secret: 'some-other-secret-of-at-least-32-bytes', issuer: 'x' });
    const stale = createServiceCredentials({
      secret: SECRET,
      issuer: 'router',
      clock: new ManualClock(new Date(Date.now() - 90_000)),
    });
    expect(await query()).toEqual(refused);
    expect(await query({ [SERVICE_CREDENTIAL_HEADER]: 'garbage' })).toEqual(refused);
    expect(await query(await stranger.headersFor(self.name))).toEqual(refused);
    expect(await query(await router.headersFor(other.name))).toEqual(refused);
    expect(await query(await stale.headersFor(self.name))).toEqual(refused);
    // Unknown paths too: nothing is disclosed about what exists.
    expect(await post(`${base}/nowhere`, {})).toEqual(refused);
  });

  it('checks the audience a route declares instead of the subgraph name', async () => {
    expect(await post(`${base}/internal/echo`, {}, await router.headersFor(self.name))).toEqual(refused);
    const served = await post(`${base}/internal/echo`, {}, await router.headersFor('credential-endpoints'));
    expect(served).toEqual({ status: 200, body: { ok: 1 } });
  });

  it('leaves /health and /ready open', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('answers before reading the body: a refused upload is cut off, not read', async () => {
    // 50 MB announced, 64 kB sent, the rest never: the answer can only come from before the body is read.
    const answer = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = httpRequest(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(50_000_000) },
      });
      req.on('response', (res) => {
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        res.resume();
        req.destroy();
      });
      req.on('error', reject);
      req.write(`{"query":"${'x'.repeat(64_000)}`);
    });
    // Not 413 either, which the announced length over the 1 MB limit would otherwise get.
    expect(answer).toEqual({ status: 403, connection: 'close' });
  });

  it('refuses a WebSocket upgrade without it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(running.url, {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': randomBytes(16).toString('base64'),
          'sec-websocket-protocol': 'graphql-transport-ws',
        },
      });
      req.on('response', (res) => (resolve(res.statusCode ?? 0), res.resume()));
      req.on('upgrade', (_res, socket) => (socket.destroy(), reject(new Error('upgraded without a credential'))));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe('a subgraph refusing documents it cannot answer', () => {
  let running: RunningSubgraph;
  beforeAll(async () => {
    const { options } = fixture();
    running = await startSubgraph({ ...options, config: { host: '127.0.0.1', port: 0, production: false } });
  });
  afterAll(() => running?.stop());

  const post = async (body: unknown) => {
    const res = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] } };
  };
  const codeOf = (answer: Awaited<ReturnType<typeof post>>) => answer.body.errors?.[0]?.extensions?.code;

  it('answers 400, not a stack overflow, to 4000 chained fragments or a 3000-deep selection', async () => {
    const fragments = Array.from(
      { length: 4000 },
      (_, i) => `fragment F${i} on Query { __typename ${i < 3999 ? `...F${i + 1}` : ''} }`,
    ).join('\n');
    const chained = await post({ query: `{ ...F0 }\n${fragments}` });
    expect(chained.status).toBe(400);
    expect(codeOf(chained)).toBe('GRAPHQL_VALIDATION_FAILED');
    const deep = await post({ query: `{ ${'a { '.repeat(3000)}b${' }'.repeat(3000)} }` });
    expect(deep.status).toBe(400);
    expect(codeOf(deep)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a NUL byte or an unpaired surrogate with BAD_USER_INPUT naming the field, variables and literals', async () => {
    const query = 'query($name: String!) { __type(name: $name) { name } }';
    for (const name of ['Query\u0000', '\ud800Query']) {
      const answer = await post({ query, variables: { name } });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'name' }) }),
      ]);
    }
    const literal = await post({ query: '{ __type(name: "Query\\u0000") { name } }' });
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await post({ query, variables: { name: 'Query 🌱' } })).status).toBe(200);
  });
});
