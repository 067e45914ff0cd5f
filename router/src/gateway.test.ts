/**
 * The router's data source: a subgraph's GraphQL errors reach the client whatever HTTP status carried them, nothing
 * internal (the subgraph's URL, its raw answer) does, and nothing is sent that the subgraph would refuse as too large.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceCredentials, SERVICE_CREDENTIAL_HEADER } from '@bloomzy/shared/auth/service-credential';
import { CLIENT_ADDRESS_HEADER } from '@bloomzy/shared/http/client-address';
import { MAX_BODY_BYTES } from '@bloomzy/shared/http/request-limits';
import { createLogger } from '@bloomzy/shared/logger';
import { ForwardingDataSource } from './gateway.js';
import { createSubgraphFetch } from './subgraph-fetch.js';

let server: Server;
let url: string;
let hits = 0;
/** What the fake subgraph answers next. */
let answer: { status: number; type: string; body: string; headers?: Record<string, string> };
/** The last request the fake subgraph received. */
let received: { headers: Record<string, string | string[] | undefined>; body: string } | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received = { headers: req.headers, body };
      res.writeHead(answer.status, { 'content-type': answer.type, ...answer.headers }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
const subgraphFetch = createSubgraphFetch({
  timeoutMs: () => 5_000,
  logger: createLogger({ service: 'router', level: 'error' }),
});
afterAll(async () => {
  await subgraphFetch.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

type ProcessOptions = Parameters<ForwardingDataSource['process']>[0];

// Both paths: RemoteGraphQLDataSource's (any fetcher) and the direct one taken with the router's own fetcher.
describe.each([
  ['with any fetcher', undefined],
  ["with the router's fetcher", 'router'],
] as const)('ForwardingDataSource %s', (_, fetcher) => {
  const send = (query: string, variables: Record<string, unknown> = {}) =>
    new ForwardingDataSource({
      name: 'plants',
      url,
      credentials: undefined,
      fetcher: fetcher ? subgraphFetch.fetcherFor('plants') : undefined,
    }).process({
      // GraphQLDataSourceRequestKind.HEALTH_CHECK: @apollo/gateway exports the enum's type, not its value.
      kind: 'health check',
      request: { query, variables },
      context: {},
    } as ProcessOptions);

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

  it("sends the operation with the caller's credentials, request id and the service credential, and honours Cache-Control", async () => {
    answer = {
      status: 200,
      type: 'application/json',
      body: JSON.stringify({ data: { me: { id: '1' } } }),
      headers: { 'cache-control': 'max-age=30, private' },
    };
    const restricted: unknown[] = [];
    const source = new ForwardingDataSource({
      name: 'plants',
      url,
      credentials: createServiceCredentials({ secret: 'a'.repeat(43), issuer: 'router' }),
      fetcher: fetcher ? subgraphFetch.fetcherFor('plants') : undefined,
    });
    const response = await source.process({
      kind: 'incoming operation',
      request: { query: 'query Me { me { id } }', variables: { a: 1 }, operationName: 'Me' },
      context: { credentials: { authorization: 'Bearer t' }, requestId: 'req-1', clientAddress: '10.1.2.3' },
      incomingRequestContext: { overallCachePolicy: { restrict: (hint: unknown) => restricted.push(hint) } },
    } as unknown as ProcessOptions);
    expect(response.data).toEqual({ me: { id: '1' } });
    expect(JSON.parse(received!.body)).toEqual({
      query: 'query Me { me { id } }',
      variables: { a: 1 },
      operationName: 'Me',
    });
    expect(received!.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer t',
      'x-request-id': 'req-1',
    });
    expect(received!.headers[CLIENT_ADDRESS_HEADER]).toBe('10.1.2.3');
    expect(received!.headers[SERVICE_CREDENTIAL_HEADER]).toMatch(/^ey/);
    expect(restricted).toEqual([{ maxAge: 30, scope: 'PRIVATE' }]);
  });

  it('refuses a 2xx answer that is not JSON', async () => {
    answer = { status: 200, type: 'text/plain', body: 'hello' };
    await expect(send('{ __typename }')).rejects.toThrow('Expected JSON response body, but received: hello');
  });
});
