/**
 * The router while one subgraph is down or hangs: the other subgraph's data comes back with the missing fields null
 * and a SERVICE_UNAVAILABLE error naming the subgraph, /ready answers 503 until the subgraph is back, and a subgraph
 * that does not answer costs a client its timeout, not longer. Two small subgraphs shaped like ours: `auth` owns
 * `User` and `me`, `plants` adds `User.plants`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRevocationStore } from '@bloomzy/shared/auth/revocations';
import { createLogger } from '@bloomzy/shared/logger';
import type { RunningService } from '@bloomzy/shared/service';
import { gql } from '@bloomzy/shared/testing/graphql-client';
import { loadRouterConfig } from './config.js';
import { startRouter } from './server.js';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])';
const authTypeDefs = parse(`${LINK}
  type User @key(fields: "id") { id: ID! username: String! }
  type Query { me: User }
`);
const plantsTypeDefs = parse(`${LINK}
  type User @key(fields: "id") { id: ID! plants: PlantPage }
  type PlantPage { totalCount: Int! }
`);
const authResolvers = { Query: { me: () => ({ id: 'u1', username: 'fern' }) } };
const plantsResolvers = { User: { plants: () => ({ totalCount: 3 }) } };

interface Subgraph {
  url: string;
  stop(): Promise<void>;
}

async function startSubgraph(typeDefs: DocumentNode, resolvers: GraphQLResolverMap<unknown>, port = 0) {
  const server = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs, resolvers }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() } satisfies Subgraph;
}

const ME = '{ me { username plants { totalCount } } }';

describe('router while a subgraph is down', () => {
  let auth: Subgraph;
  let plants: Subgraph | undefined;
  let plantsPort: number;
  let hanging: Server;
  let router: RunningService;
  let hangingRouter: RunningService;
  let dir: string;

  const ready = async (r: RunningService) => (await fetch(r.url.replace(/\/graphql$/, '/ready'))).status;

  beforeAll(async () => {
    auth = await startSubgraph(authTypeDefs, authResolvers);
    plants = await startSubgraph(plantsTypeDefs, plantsResolvers);
    plantsPort = Number(new URL(plants.url).port);
    // Accepts connections and requests, never answers.
    hanging = createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const composed = composeServices([
      { name: 'auth', url: auth.url, typeDefs: authTypeDefs },
      { name: 'plants', url: plants.url, typeDefs: plantsTypeDefs },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-outage-'));
    const supergraphPath = path.join(dir, 'supergraph.graphql');
    await writeFile(supergraphPath, composed.supergraphSdl);
    const start = (env: Record<string, string>) =>
      startRouter({
        config: loadRouterConfig({
          NODE_ENV: 'test',
          ROUTER_HOST: '127.0.0.1',
          ROUTER_PORT: '0',
          SUPERGRAPH_PATH: supergraphPath,
          ...env,
        }),
        logger: createLogger({ service: 'router', level: 'silent' }),
        revocations: new MemoryRevocationStore(),
      });
    router = await start({});
    hangingRouter = await start({
      SUBGRAPH_PLANTS_URL: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`,
      SUBGRAPH_PLANTS_TIMEOUT_MS: '400',
    });
  });
  afterAll(async () => {
    await hangingRouter?.stop();
    await router?.stop();
    await plants?.stop();
    await auth?.stop();
    hanging?.closeAllConnections();
    await new Promise((resolve) => hanging?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers in full, and is ready, while every subgraph is up', async () => {
    expect(await gql(router.url, ME)).toMatchObject({ data: { me: { username: 'fern', plants: { totalCount: 3 } } } });
    expect(await ready(router)).toBe(200);
  });

  it("returns the rest of the data with the down subgraph's fields null and a retryable error naming it", async () => {
    await plants?.stop();
    plants = undefined;
    const response = await gql(router.url, ME);
    expect(response.data).toEqual({ me: { username: 'fern', plants: null } });
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors ?? [];
    expect(error?.message).toBe('The plants service is unavailable (ECONNREFUSED)');
    expect(error?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', subgraph: 'plants', retryable: true });
    const { stacktrace: _stack, ...extensions } = error?.extensions ?? {};
    expect(JSON.stringify({ ...error, extensions })).not.toContain(String(plantsPort));
    expect(await ready(router)).toBe(503);
  });

  it('answers in full and is ready again once the subgraph is back', async () => {
    plants = await startSubgraph(plantsTypeDefs, plantsResolvers, plantsPort);
    expect(await gql(router.url, ME)).toMatchObject({ data: { me: { username: 'fern', plants: { totalCount: 3 } } } });
    expect(await ready(router)).toBe(200);
  });

  it('gives up on a subgraph that hangs after its SUBGRAPH_<NAME>_TIMEOUT_MS and answers the rest', async () => {
    const started = performance.now();
    const response = await gql(hangingRouter.url, ME);
    const elapsed = performance.now() - started;
    expect(response.data).toEqual({ me: { username: 'fern', plants: null } });
    expect(response.errors?.[0]).toMatchObject({
      message: 'The plants service is unavailable (no answer within 400 ms)',
      extensions: { code: 'SERVICE_UNAVAILABLE', subgraph: 'plants', retryable: true },
    });
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(2_000);
  });
});
