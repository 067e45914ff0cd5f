/**
 * The real router (`startRouter`) in front of one small subgraph of the test's own, with a JWKS of its own so that
 * graphql-ws connections authenticate as they do in production: for tests of what the router itself does to
 * operations, over HTTP and graphql-ws, without the Bloomzy subgraphs and their databases.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import WebSocket from 'ws';
import { MemoryRevocationStore } from '@bloomzy/shared/auth/revocations';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@bloomzy/shared/auth/verifier';
import { createLogger } from '@bloomzy/shared/logger';
import { gql, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { loadRouterConfig } from '../config.js';
import { startRouter } from '../server.js';

export interface RouterWithSubgraph {
  /** A GraphQL request to the router over HTTP. */
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
  /** One operation over graphql-ws: its last result, or `{ errors }` when the router answered with an error message. */
  overWebSocket(query: string, variables?: Record<string, unknown>): Promise<Result>;
  /** The router's graphql-ws URL and a valid `authorization` for connection_init, for tests that speak it raw. */
  readonly wsUrl: string;
  readonly authorization: string;
  stop(): Promise<void>;
}

/** Serves a fresh ES256 JWKS and signs access tokens with its key, as the auth service does. */
async function startTokenIssuer() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256' }] });
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ sid: randomUUID(), role: 'USER' })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject(randomUUID())
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 900)
    .sign(privateKey);
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
    authorization: `Bearer ${token}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Result = FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>;

/** One result of a graphql-ws operation, as `overWebSocket` describes. */
function once(client: Client, query: string, variables: Record<string, unknown>) {
  return new Promise<Result>((resolve, reject) => {
    let last: Result = {};
    client.subscribe<Record<string, unknown>, Record<string, unknown>>(
      { query, variables },
      {
        next: (value) => void (last = value),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error as Error)),
        complete: () => resolve(last),
      },
    );
  });
}

export async function startRouterWithSubgraph(options: {
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<unknown>;
  /** Router variables besides those this helper sets (e.g. INTROSPECTION, MAX_DEPTH). */
  env?: Record<string, string>;
}): Promise<RouterWithSubgraph> {
  const subgraph = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(subgraph, { listen: { port: 0, host: '127.0.0.1' } });
  const composed = composeServices([{ name: 'things', url, typeDefs: options.typeDefs }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bloomzy-router-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, composed.supergraphSdl);
  const issuer = await startTokenIssuer();
  const router = await startRouter({
    config: loadRouterConfig({
      NODE_ENV: 'test',
      ROUTER_HOST: '127.0.0.1',
      ROUTER_PORT: '0',
      SUPERGRAPH_PATH: supergraphPath,
      AUTH_JWKS_URL: issuer.jwksUrl,
      ...options.env,
    }),
    logger: createLogger({ service: 'router', level: 'silent' }),
    revocations: new MemoryRevocationStore(),
  });
  const client = createClient({
    url: router.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: issuer.authorization },
    retryAttempts: 0,
    lazy: true,
  });
  return {
    query: (query, variables = {}) => gql(router.url, query, variables),
    overWebSocket: (query, variables = {}) => once(client, query, variables),
    wsUrl: router.url.replace(/^http/, 'ws'),
    authorization: issuer.authorization,
    async stop() {
      await client.dispose();
      await router.stop();
      await subgraph.stop();
      await issuer.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
