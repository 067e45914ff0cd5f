import { setTimeout as sleep } from 'node:timers/promises';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../logger.js';
import { captureLogs } from '../testing/log-capture.js';
import { serveGraphQL } from './graphql-route.js';
import { startHttpService, type HttpService } from './http-service.js';

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/;

const jsonLogger = () => captureLogs({ level: 'debug' });

async function startService(logger: Logger, options: { corsOrigins?: string[]; ready?: () => boolean } = {}) {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { hello: String }',
    resolvers: {
      Query: {
        hello: () => {
          logger.info('resolving hello');
          return 'world';
        },
      },
    },
  });
  await apollo.start();
  const http = await startHttpService({
    name: 'test',
    host: '127.0.0.1',
    port: 0,
    logger,
    ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
    ready: async () => options.ready?.() ?? true,
    routes: (app) => {
      serveGraphQL(app, { apollo, context: async () => ({}), maxTokens: 10_000 });
      app.get('/slow', async () => (await sleep(300), { done: true }));
      app.get('/hang', () => new Promise<never>(() => {}));
      // What ioredis throws for a command while Redis is away (see deps/redis-client.ts).
      app.get('/needs-redis', async () => {
        throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
      });
    },
  });
  return { http, stop: async () => (await http.close(), await apollo.stop()) };
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('startHttpService keep-alive', () => {
  it('keeps idle connections for 65 s, longer than clients keep theirs, and says so in Keep-Alive', async () => {
    const service = await startService(jsonLogger().logger);
    try {
      const res = await fetch(`${service.http.url}/health`);
      await res.arrayBuffer();
      expect(res.headers.get('keep-alive')).toBe('timeout=65');
    } finally {
      await service.stop();
    }
  });
});

describe('startHttpService', () => {
  const { logger, lines } = jsonLogger();
  let ready = true;
  let service: { http: HttpService; stop(): Promise<void> };
  let base: string;
  beforeAll(async () => {
    service = await startService(logger, { ready: () => ready });
    base = service.http.url;
  });
  afterAll(() => service?.stop());

  it('answers a request that failed because Redis is away with a retryable SERVICE_UNAVAILABLE and 503', async () => {
    const res = await fetch(`${base}/needs-redis`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({
      errors: [
        {
          message: 'Service temporarily unavailable; try again shortly',
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true },
        },
      ],
    });
  });

  it('answers /health, and /ready with 503 while not ready', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', service: 'test' });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    ready = false;
    const notReady = await fetch(`${base}/ready`);
    ready = true;
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready', service: 'test' });
  });

  it('serves GraphQL on /graphql', async () => {
    const res = await post(`${base}/graphql`, JSON.stringify({ query: '{ hello }' }));
    expect(await res.json()).toEqual({ data: { hello: 'world' } });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(`${base}/nowhere`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: 'Not found' });
  });

  it('refuses a body over 1 MB with 413', async () => {
    const query = `{ hello } # ${'x'.repeat(1_000_000)}`;
    const res = await post(`${base}/graphql`, JSON.stringify({ query }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'Request body too large' });
  });

  it('answers malformed JSON on /graphql with a GraphQL BAD_REQUEST error', async () => {
    for (const body of ['{"query": "{ hello }"', '']) {
      const res = await post(`${base}/graphql`, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
  });

  it('gives every request an id, returned in x-request-id: a new UUID unless the client sent a well-formed one', async () => {
    const generated = await fetch(`${base}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(UUID);
    const other = await fetch(`${base}/health`);
    expect(other.headers.get('x-request-id')).not.toBe(generated.headers.get('x-request-id'));

    const wellFormed = 'web-7f3a.B_2';
    const accepted = await fetch(`${base}/health`, { headers: { 'x-request-id': wellFormed } });
    expect(accepted.headers.get('x-request-id')).toBe(wellFormed);
    const longest = 'a'.repeat(128);
    expect((await fetch(`${base}/nowhere`, { headers: { 'x-request-id': longest } })).headers.get('x-request-id')).toBe(
      longest,
    );

    for (const malformed of ['a'.repeat(129), 'has space', 'semi;colon', '{"json":1}']) {
      const res = await fetch(`${base}/health`, { headers: { 'x-request-id': malformed } });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('writes the request id on every line logged while handling the request', async () => {
    const res = await post(`${base}/graphql`, JSON.stringify({ query: '{ hello }' }), { 'x-request-id': 'trace-42' });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const ofRequest = lines().filter((line) => line.requestId === 'trace-42');
    expect(ofRequest.map((line) => line.msg)).toEqual(['resolving hello', 'request completed']);
    expect(ofRequest[1]).toMatchObject({ req: { method: 'POST', path: '/graphql' }, res: { statusCode: 200 } });
  });
});

describe('startHttpService with CORS origins', () => {
  let service: { http: HttpService; stop(): Promise<void> };
  beforeAll(async () => {
    service = await startService(createLogger({ service: 'test', level: 'silent' }), {
      corsOrigins: ['https://app.bloomzy.test'],
    });
  });
  afterAll(() => service?.stop());

  it('answers preflights of allowed origins and gives others no CORS headers', async () => {
    const preflight = (origin: string) =>
      fetch(`${service.http.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('https://app.bloomzy.test');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.bloomzy.test');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-max-age')).toBe('600');
    const refused = await preflight('https://elsewhere.test');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('HttpService.close', () => {
  it('lets an in-flight request finish and does not wait for idle keep-alive connections', async () => {
    const service = await startService(createLogger({ service: 'test', level: 'silent' }));
    // Two concurrent requests open two keep-alive connections (fetch keeps them for reuse): one stays idle, the
    // other carries a request still being handled at shutdown.
    const warmUp = await Promise.all([fetch(`${service.http.url}/health`), fetch(`${service.http.url}/health`)]);
    expect(warmUp.map((res) => res.status)).toEqual([200, 200]);
    const inFlight = fetch(`${service.http.url}/slow`);
    await sleep(50);
    const started = Date.now();
    await service.stop();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('cuts a request that does not finish 2 s after shutdown began', async () => {
    const service = await startService(createLogger({ service: 'test', level: 'silent' }));
    const hanging = fetch(`${service.http.url}/hang`).then(
      () => 'answered',
      () => 'cut',
    );
    await sleep(50);
    const started = Date.now();
    await service.stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await hanging).toBe('cut');
  });
});
