/**
 * The router as its own process: `tsx router/src/main.ts [--supergraph <file>]`. Tracing starts first and the router
 * loads after it, so that the instrumentations see every module (telemetry/start-tracing.ts).
 */
import { startTracing } from '@bloomzy/shared/telemetry/start-tracing';

await startTracing('router', process.env);
const { loadOrExit } = await import('@bloomzy/shared/env-schema');
const { createCoordination } = await import('@bloomzy/shared/coordination');
const { createLogger } = await import('@bloomzy/shared/logger');
const { startProcessMetrics } = await import('@bloomzy/shared/metrics/process-metrics');
const { runUntilSignal } = await import('@bloomzy/shared/service');
const { loadRouterConfig } = await import('./config.js');
const { startRouter } = await import('./server.js');

const config = loadOrExit(() => loadRouterConfig(process.env, process.argv.slice(2)));
// @apollo/gateway otherwise sends anonymous usage metrics to Apollo (and probes cloud metadata endpoints) from every
// router; a self-hosted backend must not phone home unless its operator opts in (APOLLO_TELEMETRY=true). The gateway
// has no option for it: it reads this variable when it is built.
if (!config.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const logger = createLogger({ service: 'router', json: config.logJson, level: config.logLevel });
await runUntilSignal(logger, async () => {
  const coordination = await createCoordination({
    redisUrl: config.redisUrl,
    logger,
    startupTimeoutMs: config.startupTimeoutSeconds * 1000,
  });
  const router = await startRouter({
    config,
    logger,
    revocations: coordination.revocations,
    redis: coordination.redis,
    coordinationReady: coordination.ready,
  });
  const metrics = await startProcessMetrics({ service: 'router', config, logger, coordination });
  return { stop: async () => (await router.stop(), await metrics.stop(), await coordination.close()) };
});
