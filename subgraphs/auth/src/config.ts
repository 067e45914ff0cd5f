/**
 * Auth service configuration, read and validated once at start-up. The only place auth reads the environment.
 */
import path from 'node:path';
import { bool, ConfigError, int, list, oneOf, optional, port, str, url, type Env } from '@bloomzy/shared/config';
import { defaultDataDir } from '@bloomzy/shared/paths';

export interface AuthConfig {
  host: string;
  port: number;
  production: boolean;
  /** Postgres URL; embedded PGlite under dataDir when unset. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** JSON array of private JWKs (first signs, all verify), inline or from a file; generated in dataDir when unset. */
  signingKeys: string | undefined;
  signingKeysFile: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Accounts with these emails are admins (applied at signup and login). */
  adminEmails: string[];
  /** Failed logins per email allowed in 15 minutes before RATE_LIMITED. */
  loginAttemptsPer15Min: number;
  logJson: boolean;
}

export function loadAuthConfig(env: Env): AuthConfig {
  const production = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const signingKeys = optional(env, 'AUTH_SIGNING_KEYS');
  const signingKeysFile = optional(env, 'AUTH_SIGNING_KEYS_FILE');
  const databaseUrl = url(env, 'AUTH_DATABASE_URL', ['postgres', 'postgresql']);
  if (production && !databaseUrl) throw new ConfigError('AUTH_DATABASE_URL', 'is required when NODE_ENV=production');
  // Every auth instance must sign with the same keys; a per-instance generated key would break verification.
  if (production && !signingKeys && !signingKeysFile) {
    throw new ConfigError('AUTH_SIGNING_KEYS_FILE', '(or AUTH_SIGNING_KEYS) is required when NODE_ENV=production');
  }
  return {
    host: str(env, 'AUTH_HOST', '0.0.0.0'),
    port: port(env, 'AUTH_PORT', 4001),
    production,
    databaseUrl,
    dataDir: path.join(str(env, 'DATA_DIR', defaultDataDir), 'auth'),
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    signingKeys,
    signingKeysFile,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    adminEmails: list(env, 'ADMIN_EMAILS').map((e) => e.toLowerCase()),
    loginAttemptsPer15Min: int(env, 'LOGIN_ATTEMPTS_PER_15_MIN', 10, 1, 10_000),
    logJson: bool(env, 'LOG_JSON', production),
  };
}
