/**
 * Plants service configuration, read and validated once at start-up. The only place plants reads the environment.
 */
import path from 'node:path';
import { bool, ConfigError, int, oneOf, port, str, url, type Env } from '@bloomzy/shared/config';
import { defaultDataDir } from '@bloomzy/shared/paths';

export interface PlantsConfig {
  host: string;
  port: number;
  production: boolean;
  /** Postgres URL; embedded PGlite under dataDir when unset. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** Base URL of the auth service: its JWKS verifies access tokens, its introspection endpoint API keys. */
  authUrl: string;
  logJson: boolean;
  /**
   * SCHEDULE_RECONCILE_INTERVAL_MS (default 60000, 1000–86400000): pause between runs of the schedule reconciler, which
   * republishes care-schedule events lost after their commit and publishes season and profile drift. It bounds how
   * late notifications can be after a bus outage or a crash; each run reads every active plant once (in batches of
   * 200), so much shorter intervals cost database load for no visible gain.
   */
  scheduleReconcileIntervalMs: number;
}

export function loadPlantsConfig(env: Env): PlantsConfig {
  const production = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const databaseUrl = url(env, 'PLANTS_DATABASE_URL', ['postgres', 'postgresql']);
  if (production && !databaseUrl) throw new ConfigError('PLANTS_DATABASE_URL', 'is required when NODE_ENV=production');
  return {
    host: str(env, 'PLANTS_HOST', '0.0.0.0'),
    port: port(env, 'PLANTS_PORT', 4002),
    production,
    databaseUrl,
    dataDir: path.join(str(env, 'DATA_DIR', defaultDataDir), 'plants'),
    redisUrl: url(env, 'REDIS_URL', ['redis', 'rediss']),
    // The fallback is a valid URL, so `url` never returns undefined here; trailing slashes are trimmed for joining.
    authUrl: (url(env, 'AUTH_URL', ['http', 'https'], 'http://localhost:4001') ?? 'http://localhost:4001').replace(/\/+$/, ''),
    logJson: bool(env, 'LOG_JSON', production),
    scheduleReconcileIntervalMs: int(env, 'SCHEDULE_RECONCILE_INTERVAL_MS', 60_000, 1_000, 86_400_000),
  };
}
