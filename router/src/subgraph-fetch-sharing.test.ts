/**
 * What the router's subgraph fetcher sends when fetches coincide: identical queries with identical credentials share
 * one request, queries starting together go as one batch, and nothing else is merged — not mutations, not other
 * callers' credentials.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '@bloomzy/shared/http/request-limits';
import { createLogger } from '@bloomzy/shared/logger';
import { metricsRegistry } from '@bloomzy/shared/metrics/registry';
import { createSubgraphFetch } from './subgraph-fetch.js';

let server: Server;
let url: string;
/** Each request the stand-in subgraph received: its body and authorization. */
let received: { body: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, authorization: req.headers.authorization });
      const one = (operation: { query: string }) => ({ data: { echo: operation.query } });
      const parsed = JSON.parse(body) as { query: string } | { query: string }[];
      // Answered a little later, so that fetches starting meanwhile find this one under way.
      setTimeout(() => {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(Array.isArray(parsed) ? parsed.map(one) : one(parsed)));
      }, 20);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
beforeEach(() => {
  received = [];
});

const subgraphFetch = createSubgraphFetch({
  timeoutMs: () => 5_000,
  logger: createLogger({ service: 'router', level: 'silent' }),
  dedupe: true,
  batch: true,
});
afterAll(async () => {
  await subgraphFetch.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const fetcher = subgraphFetch.fetcherFor('plants');
const query = (name: string) => JSON.stringify({ query: `query ${name}__plants__0{__typename}` });
const post = async (body: string, authorization = 'Bearer alice', requestId = 'r1') => {
  const response = await fetcher(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, 'x-request-id': requestId },
    body,
  });
  return (await response.json()) as { data: { echo: string } };
};

/** bloomzy_subgraph_fetches_shared_total of the plants subgraph so far. */
async function sharedFetches(): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('bloomzy_subgraph_fetches_shared_total')?.get();
  return metric?.values.find((v) => v.labels.subgraph === 'plants')?.value ?? 0;
}

describe('sharing subgraph fetches', () => {
  it('sends identical queries with identical credentials once, even from different operations', async () => {
    const sharedBefore = await sharedFetches();
    const answers = await Promise.all([post(query('A'), 'Bearer alice', 'r1'), post(query('A'), 'Bearer alice', 'r2')]);
    expect(received).toHaveLength(1);
    // Operators (and the dashboard benchmark) see how many fetches were answered that way.
    expect((await sharedFetches()) - sharedBefore).toBe(1);
    expect(answers).toEqual([{ data: { echo: 'query A__plants__0{__typename}' } }, answers[0]]);
    // Each caller has an object of its own: the gateway merges into them.
    expect(answers[0]).not.toBe(answers[1]);
  });

  it("never shares between different credentials: each caller's request carries its own", async () => {
    const sharedBefore = await sharedFetches();
    await Promise.all([post(query('A'), 'Bearer alice'), post(query('A'), 'Bearer bob')]);
    expect(received.map((r) => r.authorization).sort()).toEqual(['Bearer alice', 'Bearer bob']);
    expect(await sharedFetches()).toBe(sharedBefore);
  });

  it('sends different queries that start together as one batched request', async () => {
    const answers = await Promise.all([post(query('A')), post(query('B'))]);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toEqual([JSON.parse(query('A')), JSON.parse(query('B'))]);
    expect(answers.map((a) => a.data.echo)).toEqual([
      'query A__plants__0{__typename}',
      'query B__plants__0{__typename}',
    ]);
  });

  it('sends every mutation, alone, even when identical ones coincide', async () => {
    const mutation = JSON.stringify({ query: 'mutation WaterPlant__plants__0{waterPlant{id}}' });
    await Promise.all([post(mutation), post(mutation)]);
    expect(received.map((r) => r.body)).toEqual([mutation, mutation]);
  });

  it("refuses, without sending it, a query above the subgraph's body limit", async () => {
    const huge = JSON.stringify({
      query: 'query Q__plants__0{__typename}',
      variables: { s: 'x'.repeat(MAX_BODY_BYTES) },
    });
    const refused = await post(huge).catch((error: unknown) => error);
    expect(refused).toMatchObject({ extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'SUBGRAPH_BODY_BYTES' } });
    expect(received).toHaveLength(0);
  });
});
