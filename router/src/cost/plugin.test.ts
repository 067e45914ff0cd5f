/**
 * Demand control in the router's pipelines: an operation above the maximum is refused with COST_LIMIT_EXCEEDED before
 * any subgraph is called (HTTP, Apollo Server's own executeOperation, federated subscriptions), every response reports
 * its cost, and later plugins find the cost on the request context.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { createClient, type FormattedExecutionResult } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCoordination, type Coordination } from '@bloomzy/shared/coordination';
import { createLogger } from '@bloomzy/shared/logger';
import type { RunningService } from '@bloomzy/shared/service';
import { loadRouterConfig } from '../config.js';
import { startRouter } from '../server.js';
import { compose, startRouter as startTestRouter, type Router } from '../testing/test-router.js';
import { startNotesSubgraph, startUsersSubgraph, type NotesSubgraph } from '../testing/test-subgraphs.js';
import { createDemandControl, type CostContext, type OperationCost } from './plugin.js';

const limits = { maxCost: 50, defaultListSize: 10 };
/** One user: costs 1 (an object with a scalar). */
const CHEAP = '{ user(id: "u1") { name } }';
/** Sixty aliases of it: 60, above 50. */
const DEAR = `{ ${Array.from({ length: 60 }, (_, i) => `u${i}: user(id: "u1") { name }`).join(' ')} }`;

let users: Awaited<ReturnType<typeof startUsersSubgraph>>;
let notes: NotesSubgraph;
let supergraphSdl: string;
beforeAll(async () => {
  [users, notes] = await Promise.all([startUsersSubgraph(), startNotesSubgraph()]);
  supergraphSdl = compose({ users: users.url, notes: notes.url });
});
afterAll(async () => {
  await users?.stop();
  await notes?.stop();
});

describe('demand control in Apollo Server', () => {
  let fetches = 0;
  const seenByLaterPlugin: (OperationCost | undefined)[] = [];
  const laterPlugin: ApolloServerPlugin<CostContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue }) {
          seenByLaterPlugin.push(contextValue.cost);
        },
      };
    },
  };
  let apollo: ApolloServer<CostContext>;
  beforeAll(async () => {
    const gateway = new ApolloGateway({
      supergraphSdl,
      buildService: ({ url }) =>
        new (class CountingDataSource extends RemoteGraphQLDataSource {
          override willSendRequest() {
            fetches += 1;
          }
        })({ url }),
    });
    apollo = new ApolloServer<CostContext>({
      gateway,
      plugins: [createDemandControl(Supergraph.build(supergraphSdl), limits).plugin, laterPlugin],
    });
    await apollo.start();
  });
  afterAll(() => apollo?.stop());

  const run = async (query: string) => {
    const response = await apollo.executeOperation({ query }, { contextValue: {} });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, result: response.body.singleResult };
  };

  it('runs an operation within the maximum and reports its cost', async () => {
    fetches = 0;
    const { result } = await run(CHEAP);
    expect(result).toEqual({ data: { user: { name: 'Ada' } }, extensions: { cost: { estimated: 1, max: 50 } } });
    expect(fetches).toBe(1);
  });

  it('refuses an operation above the maximum before any subgraph fetch', async () => {
    fetches = 0;
    const { status, result } = await run(DEAR);
    expect(status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      cost: { estimated: 60, max: 50 },
    });
    expect(result.extensions).toEqual({ cost: { estimated: 60, max: 50 } });
    expect(fetches).toBe(0);
  });

  it('puts the cost on the request context for the plugins after it', async () => {
    seenByLaterPlugin.length = 0;
    await run(CHEAP);
    expect(seenByLaterPlugin).toEqual([{ estimated: 1, max: 50 }]);
  });
});

describe('demand control at the router over HTTP', () => {
  let router: RunningService;
  let coordination: Coordination;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-cost-'));
    const supergraphPath = path.join(dir, 'supergraph.graphql');
    await writeFile(supergraphPath, supergraphSdl);
    const logger = createLogger({ service: 'router', level: 'silent' });
    coordination = await createCoordination({ logger });
    router = await startRouter({
      config: loadRouterConfig({
        NODE_ENV: 'test',
        ROUTER_HOST: '127.0.0.1',
        ROUTER_PORT: '0',
        SUPERGRAPH_PATH: supergraphPath,
        MAX_COST: String(limits.maxCost),
        COST_DEFAULT_LIST_SIZE: String(limits.defaultListSize),
      }),
      logger,
      revocations: coordination.revocations,
    });
  });
  afterAll(async () => {
    await router?.stop();
    await coordination?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const post = async (query: string) => {
    const res = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as FormattedExecutionResult };
  };

  it('answers 400 with COST_LIMIT_EXCEEDED and the cost, and calls no subgraph', async () => {
    const before = users.authorizations.length;
    const { status, body } = await post(DEAR);
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(body.extensions).toEqual({ cost: { estimated: 60, max: 50 } });
    expect(users.authorizations.length).toBe(before);
  });

  it('refuses a GET as a POST', async () => {
    const res = await fetch(`${router.url}?query=${encodeURIComponent(DEAR)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as FormattedExecutionResult).extensions).toEqual({ cost: { estimated: 60, max: 50 } });
  });

  it('serves what fits, costing lists without @listSize at COST_DEFAULT_LIST_SIZE', async () => {
    const before = users.authorizations.length;
    expect(await post(CHEAP)).toEqual({
      status: 200,
      body: { data: { user: { name: 'Ada' } }, extensions: { cost: { estimated: 1, max: 50 } } },
    });
    expect(users.authorizations.length).toBe(before + 1);
    // notes: 10 × (note 1 + author 1)
    expect((await post('{ notes { id author { name } } }')).body.extensions).toEqual({
      cost: { estimated: 20, max: 50 },
    });
  });
});

describe('demand control of federated subscriptions', () => {
  let router: Router;
  beforeAll(async () => {
    const demandControl = createDemandControl(Supergraph.build(supergraphSdl), limits);
    // The test router's context carries only an authorization; demand control adds the cost to it.
    router = await startTestRouter(supergraphSdl, {
      admit: (request) => demandControl.admit({ ...request, context: request.context as CostContext }),
    });
  });
  afterAll(() => router?.stop());

  /** A graphql-ws client's subscription, recorded for assertions. */
  const record = (query: string) => {
    const client = createClient({
      url: router.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer alice' },
      retryAttempts: 0,
    });
    const results: FormattedExecutionResult<Record<string, unknown>, unknown>[] = [];
    let unsubscribe = () => {};
    const ended = new Promise<void>((resolve, reject) => {
      unsubscribe = client.subscribe(
        { query },
        { next: (result) => results.push(result), error: reject, complete: resolve },
      );
    });
    return {
      results,
      ended,
      close: async () => {
        unsubscribe();
        await client.dispose();
      },
    };
  };

  it('refuses a subscription above the maximum without subscribing upstream', async () => {
    const started = notes.startedSubscriptions;
    // noteAdded 1 + 60 aliases of its author (1 each).
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: author { name }`).join(' ');
    const sub = record(`subscription { noteAdded { id ${aliases} } }`);
    await sub.ended;
    await sub.close();
    expect(sub.results).toEqual([
      {
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'COST_LIMIT_EXCEEDED' }) })],
        extensions: { cost: { estimated: 61, max: 50 } },
      },
    ]);
    expect(notes.startedSubscriptions).toBe(started);
  });

  it('reports the cost with every event of an admitted subscription', async () => {
    const sub = record('subscription { noteAdded { id author { name } } }');
    await waitFor(() => notes.openSubscriptions === 1);
    notes.publish({ id: 'n1', text: 'water the fern', authorId: 'u1' });
    await waitFor(() => sub.results.length === 1);
    await sub.close();
    expect(sub.results[0]).toEqual({
      data: { noteAdded: { id: 'n1', author: { name: 'Ada' } } },
      extensions: { cost: { estimated: 2, max: 50 } },
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
