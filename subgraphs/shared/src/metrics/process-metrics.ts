/**
 * What a process adds to the metrics of the services it runs: Node's runtime metrics, Redis readiness and the event
 * bus's backlog when it uses Redis, and the `/metrics` listener when METRICS_PORT is set. Called once per process by
 * its entry point (each production process; `npm start` for all its services).
 */
import type { CommonConfig } from '../config.js';
import type { Coordination } from '../coordination.js';
import type { Logger } from '../logger.js';
import { CARE_SCHEDULE_STREAM, USER_PROFILE_STREAM } from '../messaging/topics.js';
import { watchDependency } from './dependency-metrics.js';
import { watchEventBus } from './event-bus-metrics.js';
import { startMetricsServer } from './metrics-server.js';
import { collectRuntimeMetrics } from './registry.js';

/** Where entry points keep the event bus (createCoordination's default key prefix; only tests choose another). */
const EVENT_BUS_PREFIX = 'bloomzy:events:';

export interface ProcessMetricsOptions {
  /** The `service` label of what the process itself reports (runtime metrics, Redis, event bus). */
  service: string;
  config: Pick<CommonConfig, 'metrics'>;
  logger: Logger;
  coordination?: Pick<Coordination, 'redis'>;
  /** Report the event bus's consumer groups (processes that consume events). */
  eventBus?: boolean;
}

export interface ProcessMetrics {
  /** The `/metrics` URL, when the process listens (METRICS_PORT set). */
  url: string | undefined;
  stop(): Promise<void>;
}

export async function startProcessMetrics(options: ProcessMetricsOptions): Promise<ProcessMetrics> {
  const { service, logger } = options;
  collectRuntimeMetrics(service);
  const unwatch: (() => void)[] = [];
  const redis = options.coordination?.redis;
  if (redis) {
    unwatch.push(watchDependency(service, 'redis', async () => (await redis.ping()) === 'PONG'));
    if (options.eventBus) {
      const streams = [USER_PROFILE_STREAM, CARE_SCHEDULE_STREAM];
      unwatch.push(watchEventBus({ service, redis, prefix: EVENT_BUS_PREFIX, streams }));
    }
  }
  const { host, port } = options.config.metrics;
  const server = port === undefined ? undefined : await startMetricsServer({ host, port, logger });
  return {
    url: server?.url,
    stop: async () => {
      for (const stop of unwatch) stop();
      await server?.close();
    },
  };
}
