import { type ServiceBaseConfig } from './config.js';
import { createCoordination, type Coordination } from './coordination.js';
import { loadOrExit, type Env } from './env-schema.js';
import { createLogger, type Logger } from './logger.js';
import { startProcessMetrics } from './metrics/process-metrics.js';
import { flushTracing } from './telemetry/start-tracing.js';

/** What every service start function returns, so npm start, main.ts and tests handle them alike. */
export interface RunningService {
  name: string;
  /** The GraphQL endpoint (http://host:port/graphql). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Runs a service as its own process: starts it, and on SIGINT/SIGTERM stops it cleanly (in-flight requests finish,
 * connections close) before exiting. A failed start or stop is logged, and the process exits with 1.
 */
export async function runUntilSignal(
  logger: Logger,
  start: () => Promise<{ stop(): Promise<void> }>,
  onStarted?: () => void,
): Promise<void> {
  let service: { stop(): Promise<void> };
  try {
    service = await start();
  } catch (error) {
    logger.error(`start-up failed: ${error instanceof Error ? error.message : String(error)}`, { error });
    process.exit(1);
  }
  onStarted?.();
  let stoppingSince = 0;
  const shutdown = (signal: string) => {
    if (stoppingSince) {
      // Ctrl-C reaches every process of the group and wrappers (npm, tsx) relay it too, so one keypress can arrive
      // twice; only a deliberate second Ctrl-C, a moment later, forces the exit.
      if (Date.now() - stoppingSince > 1_000) process.exit(130);
      return;
    }
    stoppingSince = Date.now();
    logger.info(`${signal} received, shutting down...`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Buffered spans go out before the process does (a no-op without tracing).
    service
      .stop()
      .then(flushTracing)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', { error });
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/**
 * What each subgraph package exports as its entry point (`@bloomzy/<name>`), so `npm start`, each service's own
 * process and the tests start any subgraph of supergraph.yaml the same way.
 */
export interface SubgraphModule<Config extends ServiceBaseConfig = ServiceBaseConfig> {
  /** Reads and validates the subgraph's configuration; throws ConfigError naming the first bad variable. */
  loadConfig(env: Env): Config;
  start(options: { config: Config; coordination: Coordination; logger: Logger }): Promise<RunningService>;
  /** Serves the JWKS and API-key introspection the other services verify credentials with; `npm start` points them at it. */
  issuesCredentials?: boolean;
}

/** A subgraph as its own process (production topology): configuration, infrastructure, the service, signals. */
export async function runSubgraphProcess(name: string, module: SubgraphModule, env: Env): Promise<void> {
  const config = loadOrExit(() => module.loadConfig(env));
  const logger = createLogger({ service: name, json: config.logJson, level: config.logLevel });
  await runUntilSignal(logger, async () => {
    const coordination = await createCoordination({
      redisUrl: config.redisUrl,
      logger,
      startupTimeoutMs: config.startupTimeoutSeconds * 1000,
      ...consumerOf(config),
    });
    const service = await module.start({ config, coordination, logger }).catch(async (error: unknown) => {
      await coordination.close();
      throw error;
    });
    const metrics = await startProcessMetrics({ service: name, config, logger, coordination, eventBus: true });
    return { stop: async () => (await service.stop(), await metrics.stop(), await coordination.close()) };
  });
}

/** A stable event-bus consumer name when the service has one (INSTANCE_ID). */
function consumerOf(config: ServiceBaseConfig): { consumerName?: string } {
  const instanceId = (config as { instanceId?: unknown }).instanceId;
  return typeof instanceId === 'string' ? { consumerName: instanceId } : {};
}
