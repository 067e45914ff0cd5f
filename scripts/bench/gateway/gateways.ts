/**
 * The gateways under test, each run in its own process by scripts/bench-gateway.ts: stock @apollo/gateway as its
 * documentation sets it up (default RemoteGraphQLDataSource and fetcher, Apollo Server's standalone HTTP server), and
 * the Bloomzy router itself (router/src/server.ts: its fetcher, data sources, plugins and server options), with limits
 * raised so the benchmark's traffic from one address is neither rate-limited nor refused as too costly.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { loadRouterConfig } from '@bloomzy/router/config';
import { startRouter } from '@bloomzy/router/server';
import { MemoryRevocationStore } from '@bloomzy/shared/auth/revocations';
import { createLogger } from '@bloomzy/shared/logger';

export type GatewayKind = 'stock' | 'bloomzy';

/** Starts a gateway over `supergraphSdl`; resolves to its GraphQL URL. */
export async function startGateway(kind: GatewayKind, supergraphSdl: string): Promise<string> {
  // Neither gateway phones home during the benchmark (read by @apollo/gateway when it is built).
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  if (kind === 'stock') {
    const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    return url;
  }
  const supergraphPath = path.join(os.tmpdir(), `bloomzy-bench-supergraph-${process.pid}.graphql`);
  await writeFile(supergraphPath, supergraphSdl);
  const config = loadRouterConfig({
    ...process.env,
    SUPERGRAPH_PATH: supergraphPath,
    ROUTER_HOST: '127.0.0.1',
    ROUTER_PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_REQUESTS: '100000000',
    RATE_LIMIT_COST: '1000000000000000',
    MAX_COST: '1000000000',
    // Production requires the service credential's secret; the benchmark's subgraphs ignore the header it signs.
    SUBGRAPH_SECRET: randomBytes(32).toString('base64url'),
  });
  const logger = createLogger({ service: 'router', json: true, level: 'warn' });
  const router = await startRouter({ config, logger, revocations: new MemoryRevocationStore() });
  return router.url;
}
