/**
 * Router configuration, read and validated once at start-up (the only place the router reads the environment).
 * `--supergraph <file>` on the command line wins over SUPERGRAPH_PATH.
 */
import path from 'node:path';
import {
  authUrlEnvironment,
  bool,
  commonConfig,
  commonEnvironment,
  ConfigError,
  list,
  listenEnvironment,
  optional,
  parseEnv,
  reject,
  str,
  url,
  variablesOf,
  type CommonConfig,
  type Env,
} from '@bloomzy/shared/config';
import { subgraphs } from '@bloomzy/shared/manifest';
import { repoRoot } from '@bloomzy/shared/paths';

export interface RouterConfig extends CommonConfig {
  host: string;
  port: number;
  supergraphPath: string;
  /** Per-subgraph URL overrides, keyed by subgraph name as it appears in the supergraph (lower case). */
  subgraphUrls: Record<string, string>;
  introspection: boolean;
  /** JWKS to verify access tokens of graphql-ws connections; API keys are introspected at the auth service. */
  jwksUrl: string;
  apiKeyIntrospectionUrl: string;
  /** Opt in to @apollo/gateway's anonymous usage metrics sent to Apollo (off by default). */
  apolloTelemetry: boolean;
  /** Browser origins allowed to call the router (CORS); '*' allows any. */
  corsOrigins: string[];
}

const SUBGRAPH_URL = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;
const subgraphUrlVariable = (envPrefix: string) => `SUBGRAPH_${envPrefix}_URL`;

/** SUBGRAPH_<NAME>_URL=… overrides the URL the supergraph records for subgraph <name>: one per manifest entry. */
const subgraphUrlEnvironment = Object.fromEntries(
  subgraphs().map((entry) => [
    subgraphUrlVariable(entry.envPrefix),
    url(
      {
        pattern: 'SUBGRAPH_<NAME>_URL',
        description: 'Overrides a subgraph URL, e.g. `SUBGRAPH_PLANTS_URL=http://plants:4002/graphql`',
        default: 'from the supergraph',
      },
      ['http', 'https'],
    ),
  ]),
);

/** The variables the router reads. */
export const routerEnvironment = commonEnvironment.extend({
  ...listenEnvironment('ROUTER', 4000),
  SUPERGRAPH_PATH: str(
    { description: 'Supergraph to serve (`--supergraph <file>` wins)', default: 'schema/supergraph.graphql' },
    path.join(repoRoot, 'schema', 'supergraph.graphql'),
  ),
  ...subgraphUrlEnvironment,
  ...authUrlEnvironment,
  AUTH_JWKS_URL: optional({
    description: 'JWKS for authenticating graphql-ws connections',
    default: 'AUTH_URL/.well-known/jwks.json',
  }),
  CORS_ORIGINS: list({ description: 'Browser origins allowed to call the router, comma-separated', default: '*' }),
  APOLLO_TELEMETRY: bool(
    { description: "Opt in to @apollo/gateway's anonymous usage metrics (otherwise nothing is sent to Apollo)" },
    false,
  ),
  INTROSPECTION: bool({ description: 'Schema introspection (Sandbox needs it)', default: 'on except in production' }),
});

/**
 * Every variable this service reads, as data: test/config-docs.test.ts holds README and .env.example against it.
 * @public
 */
export const routerVariables = variablesOf(routerEnvironment);

// Loose: the unknown-subgraph check below must see every SUBGRAPH_*_URL, not only the manifest's.
const routerConfigSchema = routerEnvironment.loose().transform((env, ctx): RouterConfig => {
  const common = commonConfig(env, ctx);
  const subgraphUrls: Record<string, string> = {};
  for (const entry of subgraphs()) {
    const value = env[subgraphUrlVariable(entry.envPrefix)];
    if (typeof value === 'string') subgraphUrls[entry.name] = value;
  }
  // A misspelt override would otherwise be ignored silently and the router would call the supergraph's URL.
  const known = subgraphs().map((entry) => entry.envPrefix);
  for (const variable of Object.keys(env)) {
    const name = SUBGRAPH_URL.exec(variable)?.[1];
    if (name && !known.includes(name)) {
      reject(
        ctx,
        variable,
        `names no subgraph of supergraph.yaml (known: ${known.map(subgraphUrlVariable).join(', ')})`,
      );
    }
  }
  const authOrigin = new URL(env.AUTH_URL).origin;
  return {
    ...common,
    host: env.ROUTER_HOST,
    port: env.ROUTER_PORT,
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH),
    subgraphUrls,
    introspection: env.INTROSPECTION ?? !common.production,
    jwksUrl: env.AUTH_JWKS_URL ?? `${authOrigin}/.well-known/jwks.json`,
    apiKeyIntrospectionUrl: `${authOrigin}/internal/api-keys/introspect`,
    apolloTelemetry: env.APOLLO_TELEMETRY,
    corsOrigins: env.CORS_ORIGINS.length ? env.CORS_ORIGINS : ['*'],
  };
});

export function loadRouterConfig(env: Env, argv: string[] = []): RouterConfig {
  const flag = argv.indexOf('--supergraph');
  const fromFlag = flag >= 0 ? argv[flag + 1] : undefined;
  if (flag >= 0 && !fromFlag) throw new ConfigError('--supergraph', 'needs a file path');
  const config = parseEnv(routerConfigSchema, env);
  return fromFlag ? { ...config, supergraphPath: path.resolve(fromFlag) } : config;
}
