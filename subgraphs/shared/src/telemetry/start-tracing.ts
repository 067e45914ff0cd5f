/**
 * Starts tracing for a process when OTEL_EXPORTER_OTLP_ENDPOINT is set, and does nothing at all otherwise: the SDK
 * and its instrumentations are not even loaded, so a service without tracing pays nothing for it.
 *
 * Every entry point (each `main.ts`, `scripts/start.ts`) awaits it first and imports the rest of the service
 * afterwards, dynamically: the instrumentations of ES modules (graphql, ioredis) hook the module loader, which only
 * sees modules loaded after the hook is registered.
 */
import { register } from 'node:module';
import { loadTelemetryConfig } from '../config.js';
import { loadOrExit, type Env } from '../env-schema.js';
import type { Tracing } from './tracing.js';

let running: Tracing | undefined;

/**
 * Starts tracing as `service` (the `service.name` of the process's spans unless OTEL_SERVICE_NAME says otherwise);
 * exits with a message naming the variable when one of the OTEL_ variables is malformed.
 */
export async function startTracing(service: string, env: Env): Promise<void> {
  const config = loadOrExit(() => loadTelemetryConfig(env));
  if (!config.endpoint || running) return;
  // Only the ES modules an instrumentation patches go through import-in-the-middle; every other module loads as is.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, {
    data: { include: ['graphql', 'ioredis'] },
  });
  const { startSdk } = await import('./tracing.js');
  running = startSdk({ ...config, endpoint: config.endpoint }, service);
}

/** Sends the spans still buffered (at most a few seconds' worth) before the process exits; a no-op without tracing. */
export async function flushTracing(): Promise<void> {
  const tracing = running;
  running = undefined;
  await tracing?.shutdown().catch(() => undefined);
}
