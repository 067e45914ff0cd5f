/**
 * Plants service configuration, read and validated once at start-up. The only place plants reads the environment.
 */
import { authBaseUrl, int, serviceBase, type Env, type ServiceBaseConfig } from '@bloomzy/shared/config';
import { defaultDataDir } from '@bloomzy/shared/paths';

export interface PlantsConfig extends ServiceBaseConfig {
  /** Base URL of the auth service: its JWKS verifies access tokens, its introspection endpoint API keys. */
  authUrl: string;
  /**
   * SCHEDULE_RECONCILE_INTERVAL_MS (default 60000, 1000–86400000): pause between runs of the schedule reconciler, which
   * republishes care-schedule events lost after their commit and publishes season and profile drift. It bounds how
   * late notifications can be after a bus outage or a crash; each run reads every active plant once (in batches of
   * 200), so much shorter intervals cost database load for no visible gain.
   */
  scheduleReconcileIntervalMs: number;
}

export function loadPlantsConfig(env: Env): PlantsConfig {
  const base = serviceBase(env, 'PLANTS', 4002, defaultDataDir, 'plants');
  return {
    ...base,
    authUrl: authBaseUrl(env),
    scheduleReconcileIntervalMs: int(env, 'SCHEDULE_RECONCILE_INTERVAL_MS', 60_000, 1_000, 86_400_000),
  };
}
