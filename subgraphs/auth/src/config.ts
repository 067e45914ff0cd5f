/**
 * Auth service configuration, read and validated once at start-up. The only place auth reads the environment.
 */
import {
  ConfigError,
  int,
  list,
  optional,
  serviceBase,
  type Env,
  type ServiceBaseConfig,
} from '@bloomzy/shared/config';
import { defaultDataDir } from '@bloomzy/shared/paths';

export interface AuthConfig extends ServiceBaseConfig {
  /** JSON array of private JWKs (first signs, all verify), inline or from a file; generated in dataDir when unset. */
  signingKeys: string | undefined;
  signingKeysFile: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Accounts with these emails are admins (applied at signup and login). */
  adminEmails: string[];
  /** Failed logins per email allowed in 15 minutes before RATE_LIMITED. */
  loginAttemptsPer15Min: number;
}

export function loadAuthConfig(env: Env): AuthConfig {
  const base = serviceBase(env, 'AUTH', 4001, defaultDataDir, 'auth');
  const signingKeys = optional(env, 'AUTH_SIGNING_KEYS');
  const signingKeysFile = optional(env, 'AUTH_SIGNING_KEYS_FILE');
  // Every auth instance must sign with the same keys; a per-instance generated key would break verification.
  if (base.production && !signingKeys && !signingKeysFile) {
    throw new ConfigError('AUTH_SIGNING_KEYS_FILE', '(or AUTH_SIGNING_KEYS) is required when NODE_ENV=production');
  }
  return {
    ...base,
    signingKeys,
    signingKeysFile,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
    adminEmails: list(env, 'ADMIN_EMAILS').map((e) => e.toLowerCase()),
    loginAttemptsPer15Min: int(env, 'LOGIN_ATTEMPTS_PER_15_MIN', 10, 1, 10_000),
  };
}
