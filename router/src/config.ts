/**
 * Router configuration, read and validated once at start-up (the only place the router reads the environment).
 * `--supergraph <file>` on the command line wins over SUPERGRAPH_PATH.
 */
import path from 'node:path';
import { bool, ConfigError, list, oneOf, optional, port, str, url, type Env } from '@bloomzy/shared/config';
import { repoRoot } from '@bloomzy/shared/paths';

export interface RouterConfig {
  host: string;
  port: number;
  production: boolean;
  supergraphPath: string;
  /** Per-subgraph URL overrides, keyed by subgraph name as it appears in the supergraph (lower case). */
  subgraphUrls: Record<string, string>;
  introspection: boolean;
  /** JWKS to verify access tokens of graphql-ws connections; API keys are introspected at the auth service. */
  jwksUrl: string;
  apiKeyIntrospectionUrl: string;
  redisUrl: string | undefined;
  logJson: boolean;
  /** Opt in to @apollo/gateway's anonymous usage metrics sent to Apollo (off by default). */
  apolloTelemetry: boolean;
  /** Browser origins allowed to call the router (CORS); '*' allows any. */
  corsOrigins: string[];
}

/** SUBGRAPH_<NAME>_URL=… overrides the URL the supergraph records for subgraph <name>. */
function subgraphOverrides(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(env)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(key);
    if (match?.[1]) {
      const value = url(env, key, ['http', 'https']);
      if (value) out[match[1].toLowerCase()] = value;
    }
  }
  return out;
}

export function loadRouterConfig(env: Env, argv: string[] = []): RouterConfig {
  const production = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const flag = argv.indexOf('--supergraph');
  const fromFlag = flag >= 0 ? argv[flag + 1] : undefined;
  if (flag >= 0 && !fromFlag) throw new ConfigError('--supergraph', 'needs a file path');
  const authUrl = url(env, 'AUTH_URL', ['http', 'https'], 'http://localhost:4001') as string;
  return {
    host: str(env, 'ROUTER_HOST', '0.0.0.0'),
    port: port(env, 'ROUTER_PORT', 4000),
    production,
    supergraphPath: path.resolve(
      fromFlag ?? str(env, 'SUPERGRAPH_PATH', path.join(repoRoot, 'schema', 'supergraph.graphql')),
    ),
    subgraphUrls: subgraphOverrides(env),
    introspection: bool(env, 'INTROSPECTION', !production),
    jwksUrl: optional(env, 'AUTH_JWKS_URL') ?? `${new URL(authUrl).origin}/.well-known/jwks.json`,
    apiKeyIntrospectionUrl: `${new URL(authUrl).origin}/internal/api-keys/introspect`,
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    logJson: bool(env, 'LOG_JSON', production),
    apolloTelemetry: bool(env, 'APOLLO_TELEMETRY', false),
    corsOrigins: list(env, 'CORS_ORIGINS').length ? list(env, 'CORS_ORIGINS') : ['*'],
  };
}
