/**
 * Auth service configuration, read and validated once at start-up. The only place auth reads the environment.
 */
import { serviceBase, subgraphEnvironment, type ServiceBaseConfig } from '@bloomzy/shared/config';
import { int, list, optional, parseEnv, reject, variablesOf, type Env } from '@bloomzy/shared/env-schema';

export interface AuthConfig extends ServiceBaseConfig {
  /** JSON array of private JWKs (first signs, all verify), inline or from a file; generated in dataDir when unset. */
  signingKeys: string | undefined;
  signingKeysFile: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Accounts with these emails are admins (applied at signup and login). */
  adminEmails: string[];
  signInLimits: SignInLimits;
}

/** Budgets for signup, login and refresh (see domain/sign-in-limits.ts); a client is an IP address or IPv6 /64. */
interface SignInLimits {
  /** Login attempts (right or wrong, any email) one client may make in 15 minutes. */
  loginAttemptsPerClient: number;
  /** Failed logins for one email from one client in 15 minutes; then that client may not try that email. */
  loginFailuresPerEmailAndClient: number;
  /** Failed logins for one email from all clients in an hour; then only clients known to the account may try. */
  loginFailuresPerEmail: number;
  /** Signup attempts one client may make in an hour. */
  signupsPerClient: number;
  /** Refresh-token exchanges one client may make in 15 minutes. */
  refreshesPerClient: number;
}

/** The variables auth reads: those of every subgraph plus its own. */
const authEnvironment = subgraphEnvironment('auth').extend({
  AUTH_SIGNING_KEYS: optional({ description: 'Private ES256 JWKs as JSON (first signs, all verify)' }),
  AUTH_SIGNING_KEYS_FILE: optional({
    description:
      'File holding those JWKs (`npm run keys -- generate <file>`); one of the two is required in production',
  }),
  ACCESS_TOKEN_TTL_SECONDS: int({ description: 'Access-token lifetime in seconds' }, 900, 30, 86_400),
  REFRESH_TOKEN_TTL_DAYS: int({ description: 'Session (refresh-token family) lifetime in days' }, 30, 1, 365),
  ADMIN_EMAILS: list({ description: 'Comma-separated emails that get the ADMIN role at signup and login' }),
  LOGIN_ATTEMPTS_PER_15_MIN: int(
    { description: 'Failed logins for one email from one client in 15 minutes; then that client may not try it' },
    10,
    1,
    10_000,
  ),
  LOGIN_ATTEMPTS_PER_CLIENT_PER_15_MIN: int(
    { description: 'Login attempts (any email, right or wrong) one client may make in 15 minutes' },
    20,
    1,
    100_000,
  ),
  LOGIN_FAILURES_PER_EMAIL_PER_HOUR: int(
    {
      description:
        'Failed logins for one email from all clients in an hour; then only clients that signed in to that ' +
        'account in the last 3 weeks may try',
    },
    100,
    1,
    100_000,
  ),
  SIGNUPS_PER_CLIENT_PER_HOUR: int({ description: 'Signup attempts one client may make in an hour' }, 30, 1, 100_000),
  REFRESHES_PER_CLIENT_PER_15_MIN: int(
    { description: 'Refresh-token exchanges one client may make in 15 minutes' },
    60,
    1,
    100_000,
  ),
});

/**
 * Every variable this service reads, as data: test/config-docs.test.ts holds README and .env.example against it.
 * @public
 */
export const authVariables = variablesOf(authEnvironment);

const authConfigSchema = authEnvironment.transform((env, ctx): AuthConfig => {
  const base = serviceBase('auth', env, ctx);
  // Every auth instance must sign with the same keys; a per-instance generated key would break verification.
  if (base.production && !env.AUTH_SIGNING_KEYS && !env.AUTH_SIGNING_KEYS_FILE) {
    reject(ctx, 'AUTH_SIGNING_KEYS_FILE', '(or AUTH_SIGNING_KEYS) is required when NODE_ENV=production');
  }
  return {
    ...base,
    signingKeys: env.AUTH_SIGNING_KEYS,
    signingKeysFile: env.AUTH_SIGNING_KEYS_FILE,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    adminEmails: env.ADMIN_EMAILS.map((e) => e.toLowerCase()),
    signInLimits: {
      loginAttemptsPerClient: env.LOGIN_ATTEMPTS_PER_CLIENT_PER_15_MIN,
      loginFailuresPerEmailAndClient: env.LOGIN_ATTEMPTS_PER_15_MIN,
      loginFailuresPerEmail: env.LOGIN_FAILURES_PER_EMAIL_PER_HOUR,
      signupsPerClient: env.SIGNUPS_PER_CLIENT_PER_HOUR,
      refreshesPerClient: env.REFRESHES_PER_CLIENT_PER_15_MIN,
    },
  };
});

export function loadAuthConfig(env: Env): AuthConfig {
  return parseEnv(authConfigSchema, env);
}
