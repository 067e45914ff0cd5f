/**
 * Which Bloomzy service a span belongs to. In production every service is its own process and its spans carry its
 * `service.name`; `npm start` runs them all in one process, so each service's start-up runs inside `withService`,
 * and every span its work starts (requests its server accepts, consumers, timers) is marked `bloomzy.service`
 * (telemetry/service-attribution.ts turns that into the span's `service.name` on export).
 */
import { context, createContextKey, type Context } from '@opentelemetry/api';

/** The span attribute naming the service that made a span. */
export const SERVICE_ATTRIBUTE = 'bloomzy.service';

const SERVICE_KEY = createContextKey(SERVICE_ATTRIBUTE);

/**
 * Runs `fn` as `service`: spans started inside it, and inside the asynchronous work it starts (a server's
 * connections, timers, event consumers), belong to that service. Calls `fn` directly while tracing is off.
 */
export function withService<T>(service: string, fn: () => T): T {
  return context.with(context.active().setValue(SERVICE_KEY, service), fn);
}

/** The service `ctx` runs as, if any. */
export function serviceIn(ctx: Context): string | undefined {
  const service = ctx.getValue(SERVICE_KEY);
  return typeof service === 'string' ? service : undefined;
}
