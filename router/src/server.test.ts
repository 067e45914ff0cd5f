/**
 * The router as a client meets it: request ids returned and carried to the subgraphs, over HTTP and graphql-ws; and
 * as a subgraph meets it: every request signed with a service credential addressed to that subgraph.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { createCoordination, type Coordination } from '@bloomzy/shared/coordination';
import { createLogger } from '@bloomzy/shared/logger';
import type { RunningService } from '@bloomzy/shared/service';
import { loadRouterConfig } from './config.js';
import { startRouter } from './server.js';

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/;
const SUBGRAPH_SECRET = 'router-test-secret-of-at-least-32-bytes';
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { hello: String }
`);

describe('router request ids', () => {
  /** The x-request-id of every request the subgraph received. */
  const received: (string | undefined)[] = [];
  /** The service credential of every request the subgraph received. */
  const signed: (string | undefined)[] = [];
  let subgraph: ApolloServer;
  let router: RunningService;
  let coordination: Coordination;
  let dir: string;
  beforeAll(async () => {
    subgraph = new ApolloServer({
      schema: buildSubgraphSchema([{ typeDefs, resolvers: { Query: { hello: () => 'world' } } }]),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    const { url } = await startStandaloneServer(subgraph, {
      listen: { port: 0, host: '127.0.0.1' },
      context: async ({ req }) => {
        const id = req.headers['x-request-id'];
        received.push(Array.isArray(id) ? id[0] : id);
        const credential = req.headers['x-bloomzy-service'];
        signed.push(Array.isArray(credential) ? credential[0] : credential);
        return {};
      },
    });
    const composed = composeServices([{ name: 'greetings', url, typeDefs }]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-router-'));
    const supergraphPath = path.join(dir, 'supergraph.graphql');
    await writeFile(supergraphPath, composed.supergraphSdl);
    const logger = createLogger({ service: 'router', level: 'silent' });
    coordination = await createCoordination({ logger });
    router = await startRouter({
      config: loadRouterConfig({
        NODE_ENV: 'test',
        ROUTER_HOST: '127.0.0.1',
        ROUTER_PORT: '0',
        SUPERGRAPH_PATH: supergraphPath,
        SUBGRAPH_SECRET,
      }),
      logger,
      revocations: coordination.revocations,
    });
  });
  afterAll(async () => {
    await router?.stop();
    await subgraph?.stop();
    await coordination?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const query = (headers: Record<string, string> = {}) =>
    fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ hello }' }),
    });

  it("forwards the client's request id to the subgraph and returns it", async () => {
    received.length = 0;
    const res = await query({ 'x-request-id': 'web-1234' });
    // Every costed operation reports its cost (demand control, cost/plugin.ts); a scalar costs nothing.
    expect(await res.json()).toEqual({ data: { hello: 'world' }, extensions: { cost: { estimated: 0, max: 5000 } } });
    expect(res.headers.get('x-request-id')).toBe('web-1234');
    expect(received).toEqual(['web-1234']);
  });

  it('signs queries and its readiness check with a credential addressed to the subgraph, not one a client sent', async () => {
    signed.length = 0;
    expect((await query({ 'x-bloomzy-service': 'forged' })).status).toBe(200);
    expect((await fetch(router.url.replace(/\/graphql$/, '/ready'))).status).toBe(200);
    expect(signed).toHaveLength(2);
    const subgraph = createServiceCredentials({ secret: SUBGRAPH_SECRET, issuer: 'test' });
    for (const token of signed) {
      expect(await subgraph.verify(token, 'greetings')).toEqual({ valid: true });
      expect(await subgraph.verify(token, 'other')).toMatchObject({ valid: false });
    }
  });

  it('forwards the id it generated when the client sent none, or a malformed one', async () => {
    for (const headers of [{}, { 'x-request-id': 'not well-formed!' }] as Record<string, string>[]) {
      received.length = 0;
      const res = await query(headers);
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      expect(received).toEqual([id]);
    }
  });
});
