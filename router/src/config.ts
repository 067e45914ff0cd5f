/**
 * Router configuration, read and validated once at start-up (the only place the router reads the environment).
 * `--supergraph <file>` on the command line wins over SUPERGRAPH_PATH.
 */
import path from 'node:path';
import ipaddr from 'ipaddr.js';
import {
  authUrlEnvironment,
  commonConfig,
  commonEnvironment,
  listenEnvironment,
  type CommonConfig,
} from '@bloomzy/shared/config';
import {
  bool,
  ConfigError,
  int,
  list,
  optional,
  parseEnv,
  reject,
  str,
  url,
  variablesOf,
  type Env,
} from '@bloomzy/shared/env-schema';
import { subgraphs } from '@bloomzy/shared/manifest';
import { repoRoot } from '@bloomzy/shared/paths';
import type { CostLimits } from './cost/plugin.js';
import type { GatewayPerformance } from './gateway-performance.js';
import type { OperationLimits } from './plugins/operation-limits.js';
import type { RateLimitSettings } from './rate-limits/index.js';

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
  /** Per-client budgets and WebSocket caps (rate-limits/). */
  rateLimits: RateLimitSettings;
  /** Proxies (addresses, CIDR ranges, or loopback/linklocal/uniquelocal) whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** What one operation may ask for, refused before planning (plugins/operation-limits.ts). */
  operationLimits: OperationLimits;
  /** Most errors in one response; one more says how many were left out (plugins/error-limit.ts). */
  maxErrors: number;
  /** Demand control: the most an operation may cost, and the size assumed for lists without `@listSize`. */
  cost: CostLimits;
  /** Most time one subgraph fetch (its retry included) may take: by subgraph name, else `defaultMs`. */
  subgraphTimeouts: { defaultMs: number; bySubgraph: Record<string, number> };
  /** graphql-ws sockets per subgraph that every client subscription is multiplexed over (subscriptions/). */
  subscriptionUpstreamConnections: number;
  /** Interval of the router's pings to each client socket; 0: none (TCP keep-alive still finds dead peers). */
  wsKeepAliveMs: number;
  /** How the router fetches from subgraphs and what it keeps between operations (gateway-performance.ts). */
  performance: GatewayPerformance;
}

/** proxy-addr's names for address ranges, which fastify's trustProxy accepts beside addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyRange = (entry: string) =>
  PROXY_RANGE_NAMES.includes(entry) || ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry);

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

const SUBGRAPH_TIMEOUT = /^SUBGRAPH_([A-Z0-9_]+)_TIMEOUT_MS$/;
const subgraphTimeoutVariable = (envPrefix: string) => `SUBGRAPH_${envPrefix}_TIMEOUT_MS`;
const MAX_SUBGRAPH_TIMEOUT_MS = 300_000;

/** SUBGRAPH_<NAME>_TIMEOUT_MS=… replaces SUBGRAPH_TIMEOUT_MS for subgraph <name>: one per manifest entry. */
const subgraphTimeoutEnvironment = Object.fromEntries(
  subgraphs().map((entry) => [
    subgraphTimeoutVariable(entry.envPrefix),
    // Read as text and checked below: an unset override must stay unset (int() would fill in a default).
    optional({
      pattern: 'SUBGRAPH_<NAME>_TIMEOUT_MS',
      description: 'Replaces `SUBGRAPH_TIMEOUT_MS` for one subgraph, e.g. `SUBGRAPH_PLANTS_TIMEOUT_MS=3000`',
      default: 'SUBGRAPH_TIMEOUT_MS',
    }),
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
  // Longer than the slowest legitimate subgraph fetch (a 100-plant page with its schedules takes well under 1 s),
  // short enough that a hung subgraph costs a client seconds, not the minutes of a TCP timeout.
  SUBGRAPH_TIMEOUT_MS: int(
    {
      description:
        'Most time one subgraph fetch may take, its one retry included; then its fields are null with SERVICE_UNAVAILABLE',
    },
    10_000,
    1,
    MAX_SUBGRAPH_TIMEOUT_MS,
  ),
  ...subgraphTimeoutEnvironment,
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
  TRUSTED_PROXIES: list({
    description:
      'Proxies whose `X-Forwarded-For` names the client (addresses, CIDR ranges, `loopback`), comma-separated',
    default: 'none',
  }),
  RATE_LIMIT_WINDOW_SECONDS: int({ description: 'Length of the rate-limit window' }, 10, 1, 3_600),
  RATE_LIMIT_REQUESTS: int({ description: 'Operations per client per window' }, 200, 1),
  RATE_LIMIT_COST: int({ description: 'Summed static cost of the operations per client per window' }, 50_000, 1),
  RATE_LIMIT_REFUSAL_DELAY_MS: int(
    { description: 'How long a refusal after the first in a window is held before it is answered (0: at once)' },
    1_000,
    0,
    60_000,
  ),
  WS_KEEP_ALIVE_MS: int(
    {
      description:
        'Interval of the pings the router sends each client socket (a client that misses one is dropped); 0: none, dead peers are still found by TCP keep-alive',
    },
    30_000,
    0,
    600_000,
  ),
  WS_MAX_CONNECTIONS_PER_CLIENT: int({ description: 'Open WebSocket connections per client, per router' }, 10, 1),
  WS_MAX_SUBSCRIPTIONS_PER_CLIENT: int({ description: 'Running subscriptions per client, per router' }, 25, 1),
  SUBSCRIPTION_UPSTREAM_CONNECTIONS: int(
    { description: 'graphql-ws connections per subgraph carrying all client subscriptions to it, per router' },
    2,
    1,
    64,
  ),
  // Operation limits: the app's deepest operation is 8 levels, its widest 5 aliases, 2 root fields, 1 directive and
  // under 200 tokens; Sandbox's introspection query is 15 deep and about 180 tokens.
  MAX_DEPTH: int({ description: 'Deepest field nesting of an operation (introspection included)' }, 15, 1, 1000),
  MAX_ALIASES: int({ description: 'Aliases in one operation' }, 30, 0, 100_000),
  MAX_ROOT_FIELDS: int({ description: 'Root fields of one operation' }, 20, 1, 100_000),
  MAX_TOKENS: int({ description: 'Tokens of one document (bounds parsing)' }, 2000, 1, 1_000_000),
  MAX_DIRECTIVES: int({ description: 'Directives in one operation' }, 20, 0, 100_000),
  MAX_ERRORS: int({ description: 'Errors in one response; one more says how many were left out' }, 100, 1, 100_000),
  MAX_COST: int({ description: 'Highest estimated cost of an operation; above it COST_LIMIT_EXCEEDED' }, 5000, 1),
  SUBGRAPH_DEDUPLICATION: bool(
    {
      description:
        'Identical query fetches to a subgraph with identical credentials share one request while it is under way',
    },
    true,
  ),
  SUBGRAPH_BATCHING: bool(
    {
      description:
        'Query fetches to one subgraph that start together go as one batched HTTP request (the subgraph must accept batches)',
    },
    true,
  ),
  QUERY_PLAN_CACHE_MIB: int({ description: 'Approximate memory for cached query plans, in MiB' }, 30, 1, 4096),
  DOCUMENT_CACHE_MIB: int(
    { description: 'Approximate memory for parsed and validated operation documents, in MiB' },
    30,
    1,
    4096,
  ),
  COST_DEFAULT_LIST_SIZE: int(
    { description: 'Size assumed for a list field without `@listSize` when costing an operation' },
    100,
    1,
    10_000,
  ),
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
  const bySubgraph: Record<string, number> = {};
  for (const entry of subgraphs()) {
    const variable = subgraphTimeoutVariable(entry.envPrefix);
    const value = env[variable];
    if (typeof value !== 'string') continue;
    const ms = /^\d+$/.test(value) ? Number(value) : NaN;
    if (ms >= 1 && ms <= MAX_SUBGRAPH_TIMEOUT_MS) bySubgraph[entry.name] = ms;
    else reject(ctx, variable, `must be between 1 and ${MAX_SUBGRAPH_TIMEOUT_MS}, got "${value}"`);
  }
  for (const variable of Object.keys(env)) {
    const name = SUBGRAPH_TIMEOUT.exec(variable)?.[1];
    if (name && !known.includes(name)) {
      reject(
        ctx,
        variable,
        `names no subgraph of supergraph.yaml (known: ${known.map(subgraphTimeoutVariable).join(', ')})`,
      );
    }
  }
  for (const entry of env.TRUSTED_PROXIES) {
    if (!isProxyRange(entry)) reject(ctx, 'TRUSTED_PROXIES', `must list addresses or CIDR ranges, got "${entry}"`);
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
    rateLimits: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      requests: env.RATE_LIMIT_REQUESTS,
      cost: env.RATE_LIMIT_COST,
      refusalDelayMs: env.RATE_LIMIT_REFUSAL_DELAY_MS,
      maxConnectionsPerClient: env.WS_MAX_CONNECTIONS_PER_CLIENT,
      maxSubscriptionsPerClient: env.WS_MAX_SUBSCRIPTIONS_PER_CLIENT,
    },
    trustedProxies: env.TRUSTED_PROXIES,
    operationLimits: {
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxRootFields: env.MAX_ROOT_FIELDS,
      maxTokens: env.MAX_TOKENS,
      maxDirectives: env.MAX_DIRECTIVES,
    },
    maxErrors: env.MAX_ERRORS,
    subscriptionUpstreamConnections: env.SUBSCRIPTION_UPSTREAM_CONNECTIONS,
    wsKeepAliveMs: env.WS_KEEP_ALIVE_MS,
    cost: { maxCost: env.MAX_COST, defaultListSize: env.COST_DEFAULT_LIST_SIZE },
    subgraphTimeouts: { defaultMs: env.SUBGRAPH_TIMEOUT_MS, bySubgraph },
    performance: {
      dedupe: env.SUBGRAPH_DEDUPLICATION,
      batch: env.SUBGRAPH_BATCHING,
      queryPlanCacheMiB: env.QUERY_PLAN_CACHE_MIB,
      documentCacheMiB: env.DOCUMENT_CACHE_MIB,
    },
  };
});

export function loadRouterConfig(env: Env, argv: string[] = []): RouterConfig {
  const flag = argv.indexOf('--supergraph');
  const fromFlag = flag >= 0 ? argv[flag + 1] : undefined;
  if (flag >= 0 && !fromFlag) throw new ConfigError('--supergraph', 'needs a file path');
  const config = parseEnv(routerConfigSchema, env);
  return fromFlag ? { ...config, supergraphPath: path.resolve(fromFlag) } : config;
}
