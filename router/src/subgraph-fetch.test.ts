import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '@bloomzy/shared/logger';
import { createSubgraphFetch, isQueryBody } from './subgraph-fetch.js';

type Handler = (req: IncomingMessage, res: ServerResponse, nth: number) => void;

/** A stand-in subgraph whose every request goes to `handler`, with the number of requests it has seen. */
async function serve(handler: Handler): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let seen = 0;
  const server: Server = createServer((req, res) => {
    seen += 1;
    req.resume();
    req.on('end', () => handler(req, res, seen));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests: () => seen,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const answer: Handler = (_req, res) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { ok: true } }));
/** Drops the first connection without answering (a subgraph restarting), answers afterwards. */
const dropFirst: Handler = (req, res, nth) => (nth === 1 ? req.socket.destroy() : answer(req, res, nth));

const subgraphFetch = createSubgraphFetch({
  timeoutMs: (subgraph) => (subgraph === 'slow' ? 300 : 5_000),
  logger: createLogger({ service: 'router', level: 'silent' }),
  retryDelayMs: 10,
});
const query = JSON.stringify({ query: 'query Me__plants__1($representations:[_Any!]!){_entities{__typename}}' });
const mutation = JSON.stringify({ query: 'mutation WaterPlant__plants__0{waterPlant{id}}' });
const post = (subgraph: string, url: string, body: string) =>
  subgraphFetch.fetcherFor(subgraph)(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** The error a fetch failed with (the test fails if it did not). */
async function failure(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => expect.unreachable('the fetch succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => subgraphFetch.close());

describe('subgraph fetch', () => {
  it('recognises the queries the planner writes, and nothing else, as safe to retry', () => {
    expect(isQueryBody(query)).toBe(true);
    expect(isQueryBody(JSON.stringify({ query: '{me{id}}' }))).toBe(true);
    expect(isQueryBody(mutation)).toBe(false);
    expect(isQueryBody(JSON.stringify({ query: 'subscription{notificationReceived{id}}' }))).toBe(false);
    expect(isQueryBody(JSON.stringify({ query: 'queryX{a}' }))).toBe(false);
    expect(isQueryBody(undefined)).toBe(false);
  });

  it("reads the operation kind from the body @apollo/gateway's data source really sends", async () => {
    const bodies: unknown[] = [];
    const source = new RemoteGraphQLDataSource({
      url: 'http://plants.invalid/graphql',
      fetcher: async (_url, init) => {
        bodies.push(init?.body);
        return new Response('{"data":{}}', { headers: { 'content-type': 'application/json' } });
      },
    });
    for (const operation of ['query Me__plants__1{me{id}}', '{me{id}}', 'mutation Water__plants__0{waterPlant{id}}']) {
      // The kind enum is declared but not exported at run time; 'health check' is its HEALTH_CHECK value.
      const health = { kind: 'health check', request: { query: operation, variables: {} }, context: {} };
      await source.process(health as unknown as GraphQLDataSourceProcessOptions);
    }
    expect(bodies.map(isQueryBody)).toEqual([true, true, false]);
  });

  it('passes answers through, GraphQL errors with any status included', async () => {
    const subgraph = await serve((_req, res) =>
      res
        .writeHead(400, { 'content-type': 'application/graphql-response+json' })
        .end(JSON.stringify({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] })),
    );
    servers.push(subgraph);
    const response = await post('plants', subgraph.url, query);
    expect(response.status).toBe(400);
    expect(response.ok).toBe(false);
    expect(response.headers.get('content-type')).toBe('application/graphql-response+json');
    expect(await response.json()).toEqual({ errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('retries a query once when the connection failed, and succeeds', async () => {
    const subgraph = await serve(dropFirst);
    servers.push(subgraph);
    const response = await post('plants', subgraph.url, query);
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(subgraph.requests()).toBe(2);
  });

  it('counts a connection lost halfway through the answer as the subgraph being down', async () => {
    const subgraph = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' }).write('{"data":');
      setTimeout(() => req.socket.destroy(), 20);
    });
    servers.push(subgraph);
    const error = await failure(post('plants', subgraph.url, query));
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', subgraph: 'plants', retryable: true });
    expect(subgraph.requests()).toBe(2);
  });

  it('never retries a mutation: one attempt, then SERVICE_UNAVAILABLE', async () => {
    const subgraph = await serve(dropFirst);
    servers.push(subgraph);
    const error = await failure(post('plants', subgraph.url, mutation));
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', subgraph: 'plants', retryable: true });
    expect(subgraph.requests()).toBe(1);
  });

  it('reports a subgraph that is down as SERVICE_UNAVAILABLE naming it, never its address', async () => {
    const subgraph = await serve(answer);
    await subgraph.close();
    const error = await failure(post('plants', subgraph.url, query));
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', subgraph: 'plants', retryable: true });
    expect(error.message).toBe('The plants service is unavailable (ECONNREFUSED)');
    expect(JSON.stringify(error)).not.toContain(new URL(subgraph.url).port);
  });

  it('gives up on a subgraph that does not answer within its timeout', async () => {
    const subgraph = await serve(() => undefined); // never answers
    servers.push(subgraph);
    const started = performance.now();
    const error = await failure(post('slow', subgraph.url, query));
    const elapsed = performance.now() - started;
    expect(error.message).toBe('The slow service is unavailable (no answer within 300 ms)');
    expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', subgraph: 'slow' });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_500);
    expect(subgraph.requests()).toBe(1);
  });

  it('treats a proxy answering 502/503/504 without a GraphQL body as the subgraph being down, retrying queries', async () => {
    const subgraph = await serve((_req, res) =>
      res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503</h1>'),
    );
    servers.push(subgraph);
    const error = await failure(post('plants', subgraph.url, query));
    expect(error.message).toBe('The plants service is unavailable (HTTP 503)');
    expect(subgraph.requests()).toBe(2);
  });
});
