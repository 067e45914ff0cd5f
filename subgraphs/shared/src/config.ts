/**
 * Configuration as data. Each service's config module declares the environment it reads as a zod object schema
 * (every variable's name, default, bounds and description in one place) and transforms it into its typed config
 * object; the same schema lists the variables for the docs test (README table, .env.example). A service parses its
 * schema once at start-up, and the first bad or missing value stops it with a ConfigError naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';
import {
  bool,
  documented,
  int,
  oneOf,
  optional,
  optionalPort,
  parseEnv,
  port,
  quoted,
  reject,
  type requiredText,
  str,
  url,
  type urlOf,
  type Env,
} from './env-schema.js';
import { subgraph } from './manifest.js';
import { defaultDataDir } from './paths.js';

// --- Variables every service reads the same way ---

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/** The shared secret of the service credential (auth/service-credential.ts) is at least this long. */
export const MIN_SECRET_BYTES = 32;

const secretDoc = {
  description:
    'Secret shared by the router and every subgraph (at least 32 bytes): the router signs its requests to the ' +
    'subgraphs with it, and subgraphs refuse requests without such a credential',
  default: 'unset (`npm start` generates one)',
};
const secretText = z
  .string()
  .refine((value) => Buffer.byteLength(value) >= MIN_SECRET_BYTES, {
    error: `must be at least ${MIN_SECRET_BYTES} bytes (e.g. \`openssl rand -base64 48\`)`,
  })
  .optional();

/** The OpenTelemetry samplers the standard OTEL_TRACES_SAMPLER names (the SDK's own spelling). */
const TRACE_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

const ratio = z
  .string()
  .regex(/^\d*\.?\d+$/, { error: (iss) => `must be a number between 0 and 1, got ${quoted(iss.input)}` })
  .transform(Number)
  .pipe(z.number().max(1, { error: (iss) => `must be a number between 0 and 1, got ${String(iss.input)}` }));

/**
 * Traces (telemetry/): OpenTelemetry's standard variables, read by every service. Tracing is off, and its SDK never
 * loaded, while OTEL_EXPORTER_OTLP_ENDPOINT is unset.
 */
export const telemetryEnvironment = {
  OTEL_EXPORTER_OTLP_ENDPOINT: url(
    {
      description:
        'OTLP/HTTP receiver (collector, Jaeger :4318) that traces are sent to (`<url>/v1/traces`); tracing is off ' +
        'when unset',
      default: 'unset (no tracing)',
    },
    ['http', 'https'],
  ),
  OTEL_EXPORTER_OTLP_PROTOCOL: oneOf(
    { description: 'OTLP encoding: `http/protobuf` or `http/json`' },
    ['http/protobuf', 'http/json'],
    'http/protobuf',
  ),
  OTEL_SERVICE_NAME: optional(
    {
      description: "The process's `service.name` in traces; in `npm start` each service's spans carry its own name",
      default: 'the service (`router`, `auth`…); `bloomzy` in `npm start`',
    },
    200,
  ),
  OTEL_TRACES_SAMPLER: oneOf(
    { description: `Which traces are kept: ${TRACE_SAMPLERS.map((s) => `\`${s}\``).join(', ')}` },
    TRACE_SAMPLERS,
    'parentbased_always_on',
  ),
  OTEL_TRACES_SAMPLER_ARG: documented(ratio.default(1), {
    description: 'Ratio of traces kept by the `traceidratio` samplers (0–1)',
    default: '1',
  }),
  OTEL_BSP_SCHEDULE_DELAY: int({ description: 'Most milliseconds a finished span waits before it is sent' }, 5_000, 1),
};

/** What telemetry/start-tracing.ts reads: the variables above, parsed on their own before anything else loads. */
export interface TelemetryConfig {
  endpoint: string | undefined;
  protocol: 'http/protobuf' | 'http/json';
  serviceName: string | undefined;
  sampler: (typeof TRACE_SAMPLERS)[number];
  samplerRatio: number;
  scheduleDelayMs: number;
}

export function loadTelemetryConfig(env: Env): TelemetryConfig {
  const parsed = parseEnv(z.object(telemetryEnvironment), env);
  return {
    endpoint: parsed.OTEL_EXPORTER_OTLP_ENDPOINT,
    protocol: parsed.OTEL_EXPORTER_OTLP_PROTOCOL,
    serviceName: parsed.OTEL_SERVICE_NAME,
    sampler: parsed.OTEL_TRACES_SAMPLER,
    samplerRatio: parsed.OTEL_TRACES_SAMPLER_ARG,
    scheduleDelayMs: parsed.OTEL_BSP_SCHEDULE_DELAY,
  };
}

/** NODE_ENV, REDIS_URL, LOG_JSON, LOG_LEVEL and the subgraph secret: read by the router and every subgraph. */
export const commonEnvironment = z.object({
  NODE_ENV: oneOf(
    {
      description:
        '`production` requires Postgres URLs, signing keys and the subgraph secret, hides stack traces, turns ' +
        'introspection (unless INTROSPECTION=true) and the Sandbox landing page off',
    },
    ['development', 'production', 'test'],
    'development',
  ),
  REDIS_URL: url(
    {
      description: 'Redis for pub/sub, the event bus, the revocation list and rate limits',
      default: 'unset (in memory)',
    },
    ['redis', 'rediss'],
  ),
  STARTUP_TIMEOUT_SECONDS: int(
    {
      description:
        'How long start-up waits for the database and Redis (retrying with backoff) before the service exits, ' +
        'logging the variable that points at the one that did not answer',
    },
    30,
    1,
    3_600,
  ),
  LOG_JSON: bool({ description: 'One JSON line per log event', default: 'on in production' }),
  LOG_LEVEL: oneOf({ description: 'Least severe level logged' }, LOG_LEVELS, 'info'),
  SUBGRAPH_SECRET: documented(secretText, secretDoc),
  SUBGRAPH_SECRET_FILE: optional({
    description: 'File holding that secret (docker secret); one of the two is required in production',
  }),
  METRICS_PORT: optionalPort({
    description:
      'Port of the Prometheus `/metrics` listener, apart from the service port (`npm start`: one listener for all ' +
      'services, default 9464)',
    default: 'unset (no listener)',
  }),
  // Optional rather than defaulted: a subgraph's <PREFIX>_HOST keys would otherwise shadow it in generic types.
  METRICS_HOST: optional({
    description: 'Listen address of `/metrics` (not public unless set so)',
    default: '127.0.0.1',
  }),
  ...telemetryEnvironment,
});

export interface CommonConfig {
  production: boolean;
  redisUrl: string | undefined;
  /** How long start-up waits for the database and Redis (STARTUP_TIMEOUT_SECONDS). */
  startupTimeoutSeconds: number;
  logJson: boolean;
  logLevel: LogLevel;
  /** The secret of the service credential, inline or in a file (read at start-up); neither outside production means
   * subgraphs answer any caller. */
  subgraphSecret: string | undefined;
  subgraphSecretFile: string | undefined;
  /** Where `/metrics` listens (metrics/metrics-server.ts); no listener when the port is unset. */
  metrics: { host: string; port: number | undefined };
}

export function commonConfig(env: z.output<typeof commonEnvironment>, ctx: z.RefinementCtx): CommonConfig {
  const production = env.NODE_ENV === 'production';
  if (env.SUBGRAPH_SECRET && env.SUBGRAPH_SECRET_FILE) {
    reject(ctx, 'SUBGRAPH_SECRET', 'and SUBGRAPH_SECRET_FILE are both set; set one');
  }
  // Without it a subgraph answers whoever reaches its port, and every instance must share the router's secret.
  if (production && !env.SUBGRAPH_SECRET && !env.SUBGRAPH_SECRET_FILE) {
    reject(ctx, 'SUBGRAPH_SECRET', '(or SUBGRAPH_SECRET_FILE) is required when NODE_ENV=production');
  }
  return {
    production,
    redisUrl: env.REDIS_URL,
    startupTimeoutSeconds: env.STARTUP_TIMEOUT_SECONDS,
    logJson: env.LOG_JSON ?? production,
    logLevel: env.LOG_LEVEL,
    subgraphSecret: env.SUBGRAPH_SECRET,
    subgraphSecretFile: env.SUBGRAPH_SECRET_FILE,
    metrics: { host: env.METRICS_HOST ?? '127.0.0.1', port: env.METRICS_PORT },
  };
}

/** <PREFIX>_HOST and <PREFIX>_PORT: where a service listens. */
export function listenEnvironment<P extends string>(prefix: P, defaultPort: number) {
  return {
    [`${prefix}_HOST`]: str({ description: 'Listen address' }, '0.0.0.0'),
    [`${prefix}_PORT`]: port({ description: 'Listen port' }, defaultPort),
  } as Record<`${P}_HOST`, z.ZodDefault<ReturnType<typeof requiredText>>> &
    Record<`${P}_PORT`, ReturnType<typeof port>>;
}

/** AUTH_URL (without trailing slashes): the base of the JWKS and API-key introspection URLs. */
const authUrlDoc = { description: 'Auth service base URL: JWKS for token verification, API-key introspection' };
export const authUrlEnvironment = {
  AUTH_URL: documented(
    url(authUrlDoc, ['http', 'https'], 'http://localhost:4001').transform((value) => value.replace(/\/+$/, '')),
    authUrlDoc,
    'http://localhost:4001',
  ),
};

// --- The settings every subgraph reads the same way, under its own prefix (AUTH_, PLANTS_, NOTIFICATIONS_) ---

/** A subgraph's environment prefix as a type: 'auth' → 'AUTH', 'care-log' → 'CARE_LOG' (as the manifest derives it). */
type EnvPrefix<N extends string> = Uppercase<N extends `${infer A}-${infer B}` ? `${A}_${EnvPrefix<B>}` : N>;

/** The shared variables plus <PREFIX>_HOST, <PREFIX>_PORT (default: the manifest's) and <PREFIX>_DATABASE_URL. */
export function subgraphEnvironment<N extends string>(name: N) {
  const { envPrefix, defaultPort } = subgraph(name);
  const prefix = envPrefix as EnvPrefix<N>;
  const database = {
    [`${prefix}_DATABASE_URL`]: url(
      { description: `Postgres URL of the ${name} database (required in production)`, default: 'unset (embedded)' },
      ['postgres', 'postgresql'],
    ),
    [`${prefix}_DATABASE_PASSWORD_FILE`]: optional({
      description: `File holding the password of ${prefix}_DATABASE_URL (a docker secret), so the URL carries none`,
    }),
  } as Record<`${EnvPrefix<N>}_DATABASE_URL`, z.ZodOptional<ReturnType<typeof urlOf>>> &
    Record<`${EnvPrefix<N>}_DATABASE_PASSWORD_FILE`, z.ZodOptional<z.ZodString>>;
  return commonEnvironment.extend({
    ...listenEnvironment(prefix, defaultPort),
    ...database,
    DATA_DIR: str(
      {
        description: 'Embedded PGlite databases (`<DATA_DIR>/<service>/db`) and the generated signing key',
        default: '.data',
      },
      defaultDataDir,
    ),
  });
}

export interface ServiceBaseConfig extends CommonConfig {
  host: string;
  port: number;
  /** Postgres URL; embedded PGlite under dataDir when unset. */
  databaseUrl: string | undefined;
  /** File holding the Postgres password (read when the database is opened), for a URL without one. */
  databasePasswordFile: string | undefined;
  /** This service's folder under DATA_DIR (embedded database, generated keys). */
  dataDir: string;
}

/** What subgraphEnvironment(name) parses to, for the prefix P of that subgraph. */
type SubgraphEnvironmentOutput<P extends string> = z.output<typeof commonEnvironment> & {
  DATA_DIR: string;
} & Record<`${P}_HOST`, string> &
  Record<`${P}_PORT`, number> &
  Partial<Record<`${P}_DATABASE_URL` | `${P}_DATABASE_PASSWORD_FILE`, string>>;

/** The ServiceBaseConfig part of a subgraph's config, from its parsed subgraphEnvironment. */
export function serviceBase<N extends string>(
  name: N,
  env: SubgraphEnvironmentOutput<EnvPrefix<N>>,
  ctx: z.RefinementCtx,
): ServiceBaseConfig {
  type P = EnvPrefix<N>;
  const prefix = subgraph(name).envPrefix as P;
  // One view per computed name: TypeScript resolves a generic key against a single record, not an intersection.
  const hosts: Record<`${P}_HOST`, string> = env;
  const ports: Record<`${P}_PORT`, number> = env;
  const databases: Partial<Record<`${P}_DATABASE_URL` | `${P}_DATABASE_PASSWORD_FILE`, string>> = env;
  const databaseVariable: `${P}_DATABASE_URL` = `${prefix}_DATABASE_URL`;
  const databaseUrl = databases[databaseVariable];
  const databasePasswordFile = databases[`${prefix}_DATABASE_PASSWORD_FILE`];
  // Production never falls back to an embedded database: several instances would each write their own.
  if (env.NODE_ENV === 'production' && !databaseUrl) {
    reject(ctx, databaseVariable, 'is required when NODE_ENV=production');
  }
  if (databasePasswordFile && !databaseUrl) {
    reject(ctx, `${prefix}_DATABASE_PASSWORD_FILE`, `is set but ${databaseVariable} is not`);
  } else if (databasePasswordFile && new URL(databaseUrl as string).password) {
    reject(ctx, `${prefix}_DATABASE_PASSWORD_FILE`, `is set but ${databaseVariable} carries a password too; keep one`);
  }
  const common = commonConfig(env, ctx);
  return {
    ...common,
    host: hosts[`${prefix}_HOST`],
    port: ports[`${prefix}_PORT`],
    databaseUrl,
    databasePasswordFile,
    dataDir: path.join(env.DATA_DIR, name),
  };
}
