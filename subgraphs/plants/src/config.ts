/**
 * Plants service configuration, read and validated once at start-up. The only place plants reads the environment.
 */
import { authUrlEnvironment, serviceBase, subgraphEnvironment, type ServiceBaseConfig } from '@bloomzy/shared/config';
import { int, parseEnv, variablesOf, type Env } from '@bloomzy/shared/env-schema';

export interface PlantsConfig extends ServiceBaseConfig {
  /** Base URL of the auth service: its JWKS verifies access tokens, its introspection endpoint API keys. */
  authUrl: string;
  /**
   * Pause between runs of the schedule reconciler, which republishes care-schedule events lost after their commit and
   * publishes season and profile drift. It bounds how late notifications can be after a bus outage or a crash; each
   * run reads every active plant once (in batches of 200), so much shorter intervals cost database load for no
   * visible gain.
   */
  scheduleReconcileIntervalMs: number;
  /** Pause between runs of the seasonal-tips job, which notices a season start in each user's calendar. */
  seasonalTipsIntervalMs: number;
}

/** The variables plants reads: those of every subgraph, AUTH_URL and its own. */
const plantsEnvironment = subgraphEnvironment('plants').extend({
  ...authUrlEnvironment,
  SCHEDULE_RECONCILE_INTERVAL_MS: int(
    {
      description:
        'How often plants re-checks every schedule and republishes events that were lost after a commit or drifted ' +
        '(season change, profile change)',
    },
    60_000,
    1_000,
    86_400_000,
  ),
  SEASONAL_TIPS_INTERVAL_MS: int(
    {
      description:
        "How often plants checks whether the season turned in a user's time zone and hemisphere, to send one seasonal " +
        'care tip per user with plants',
    },
    3_600_000,
    1_000,
    86_400_000,
  ),
});

/**
 * Every variable this service reads, as data: test/config-docs.test.ts holds README and .env.example against it.
 * @public
 */
export const plantsVariables = variablesOf(plantsEnvironment);

const plantsConfigSchema = plantsEnvironment.transform((env, ctx): PlantsConfig => ({
  ...serviceBase('plants', env, ctx),
  authUrl: env.AUTH_URL,
  scheduleReconcileIntervalMs: env.SCHEDULE_RECONCILE_INTERVAL_MS,
  seasonalTipsIntervalMs: env.SEASONAL_TIPS_INTERVAL_MS,
}));

export function loadPlantsConfig(env: Env): PlantsConfig {
  return parseEnv(plantsConfigSchema, env);
}
