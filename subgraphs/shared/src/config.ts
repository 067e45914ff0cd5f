/**
 * Typed readers for environment configuration. Each service has one config module that calls these once at start-up;
 * the first bad or missing value stops the service with a message naming the variable.
 */
import path from 'node:path';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

/** A string; `fallback` when unset, ConfigError when unset without fallback. */
export function str(env: Env, name: string, fallback?: string): string {
  const value = raw(env, name) ?? fallback;
  if (value === undefined) throw new ConfigError(name, 'is required but not set');
  return value;
}

/** An optional string: undefined when unset. */
export function optional(env: Env, name: string): string | undefined {
  return raw(env, name);
}

/** An integer within [min, max]. */
export function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `must be an integer, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** A TCP port (0 lets the OS choose, which tests use). */
export function port(env: Env, name: string, fallback: number): number {
  return int(env, name, fallback, 0, 65535);
}

/** true/false/1/0/yes/no. */
export function bool(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `must be true or false, got "${value}"`);
}

/** One of a closed set of values. */
export function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const value = raw(env, name) ?? fallback;
  if (!values.includes(value as T)) throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${value}"`);
  return value as T;
}

/** A URL with one of the given protocols; undefined when unset and no fallback. */
export function url(env: Env, name: string, protocols: string[], fallback?: string): string | undefined {
  const value = raw(env, name) ?? fallback;
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `must be a URL, got "${value}"`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return value;
}

/** A comma-separated list (empty when unset). */
export function list(env: Env, name: string): string[] {
  return (raw(env, name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Runs a config loader; on ConfigError prints the message and exits, so a service never starts half-configured. */
export function loadOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** The settings every subgraph reads the same way, under its own prefix (AUTH_, PLANTS_, NOTIFICATIONS_). */
export interface ServiceBaseConfig {
  host: string;
  port: number;
  production: boolean;
  /** Postgres URL; embedded PGlite under dataDir when unset. */
  databaseUrl: string | undefined;
  /** This service's folder under DATA_DIR (embedded database, generated keys). */
  dataDir: string;
  redisUrl: string | undefined;
  logJson: boolean;
}

export function serviceBase(
  env: Env,
  prefix: string,
  defaultPort: number,
  dataRoot: string,
  folder: string,
): ServiceBaseConfig {
  const production = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const databaseVariable = `${prefix}_DATABASE_URL`;
  const databaseUrl = url(env, databaseVariable, ['postgres', 'postgresql']);
  // Production never falls back to an embedded database: several instances would each write their own.
  if (production && !databaseUrl) throw new ConfigError(databaseVariable, 'is required when NODE_ENV=production');
  return {
    host: str(env, `${prefix}_HOST`, '0.0.0.0'),
    port: port(env, `${prefix}_PORT`, defaultPort),
    production,
    databaseUrl,
    dataDir: path.join(str(env, 'DATA_DIR', dataRoot), folder),
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    logJson: bool(env, 'LOG_JSON', production),
  };
}

/** AUTH_URL without trailing slashes: the base of the JWKS and API-key introspection URLs. */
export function authBaseUrl(env: Env): string {
  return (url(env, 'AUTH_URL', ['http', 'https'], 'http://localhost:4001') as string).replace(/\/+$/, '');
}
