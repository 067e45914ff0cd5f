/**
 * The router's data source: a subgraph's GraphQL errors reach the client whatever HTTP status carried them, nothing
 * internal (the subgraph's URL, its raw answer) does, and nothing is sent that the subgraph would refuse as too large.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '@bloomzy/shared/http/request-limits';
import { ForwardingDataSource } from './gateway.js';

let server: Server;
let url: string;
let hits = 0;
/** What the fake subgraph answers next. */
let answer: { status: number; type: string; body: string };

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    req.resume();
    req.on('end', () => res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type ProcessOptions = Parameters<ForwardingDataSource['process']>[0];

const send = (query: string, variables: Record<string, unknown> = {}) =>
  new ForwardingDataSource({ name: 'plants', url, credentials: undefined }).process({
    // GraphQLDataSourceRequestKind.HEALTH_CHECK: @apollo/gateway exports the enum's type, not its value.
    kind: 'health check',
    request: { query, variables },
    context: {},
  } as ProcessOptions);

describe('ForwardingDataSource', () => {
  it("hands on a subgraph's GraphQL errors answered with HTTP 400, code and message unchanged", async () => {
    const errors = [{ message: 'DateTime must be an ISO-8601 string', extensions: { code: 'BAD_USER_INPUT' } }];
    answer = { status: 400, type: 'application/graphql-response+json', body: JSON.stringify({ errors }) };
    const response = await send('mutation { waterPlant(input: { wateredAt: "yesterday" }) { id } }');
    expect(response.errors).toEqual(errors);
  });

  it('turns a bare 5xx into a retryable SERVICE_UNAVAILABLE naming the subgraph, never its URL or body', async () => {
    answer = { status: 502, type: 'text/html', body: '<h1>upstream at 10.0.0.7 failed</h1>' };
    const failure = await send('{ __typename }').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphQLError);
    expect((failure as GraphQLError).message).toBe('The plants service is unavailable (HTTP 502)');
    expect((failure as GraphQLError).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      subgraph: 'plants',
      retryable: true,
    });
    expect(JSON.stringify(failure)).not.toMatch(/127\.0\.0\.1|10\.0\.0\.7/);
  });

  it('names the subgraph and status of a 4xx without GraphQL errors, never its URL or body', async () => {
    answer = { status: 403, type: 'text/plain', body: 'forbidden at 10.0.0.7' };
    const failure = await send('{ __typename }').catch((error: unknown) => error);
    expect((failure as GraphQLError).message).toBe('The plants subgraph answered HTTP 403');
    expect(JSON.stringify(failure)).not.toMatch(/127\.0\.0\.1|10\.0\.0\.7/);
  });

  it("refuses, without sending it, a request above the subgraph's body limit", async () => {
    const before = hits;
    const huge = 'x'.repeat(MAX_BODY_BYTES);
    const refused = await send('query($s: String) { echo(s: $s) }', { s: huge }).catch((error: unknown) => error);
    expect((refused as GraphQLError).extensions).toMatchObject({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'SUBGRAPH_BODY_BYTES',
      max: MAX_BODY_BYTES,
    });
    expect(hits).toBe(before);
    answer = { status: 200, type: 'application/json', body: JSON.stringify({ data: { echo: 'ok' } }) };
    const fits = await send('query($s: String) { echo(s: $s) }', { s: huge.slice(0, MAX_BODY_BYTES - 100) });
    expect(fits.data).toEqual({ echo: 'ok' });
  });
});
