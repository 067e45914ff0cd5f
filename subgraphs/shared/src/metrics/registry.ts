/**
 * The process's one Prometheus registry, and the factories every package defines its metrics with (so no package but
 * this one depends on prom-client). Every series carries a `service` label: in `npm start` one process and one
 * `/metrics` listener cover all services, in production each process has its own and the label is constant.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();

type Config<L extends string> = { name: string; help: string; labelNames: readonly L[] };

export const counter = <L extends string>(config: Config<L>) =>
  new Counter<L>({ ...config, registers: [metricsRegistry] });

export const gauge = <L extends string>(config: Config<L> & { collect?: (this: Gauge<L>) => void | Promise<void> }) =>
  new Gauge<L>({ ...config, registers: [metricsRegistry] });

export const histogram = <L extends string>(config: Config<L> & { buckets: number[] }) =>
  new Histogram<L>({ ...config, registers: [metricsRegistry] });

/** Request-like durations in seconds: 5 ms to 10 s (the p99 alert is at 1 s). */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

let runtimeCollected = false;
/**
 * Node's own metrics (heap, event-loop lag, GC, CPU, open handles), once per process, labelled with the process's
 * service (`bloomzy` for `npm start`, which runs every service in one process).
 */
export function collectRuntimeMetrics(service: string): void {
  if (runtimeCollected) return;
  runtimeCollected = true;
  collectDefaultMetrics({ register: metricsRegistry, labels: { service } });
}

/**
 * A label whose values come from clients (operation names): the first `max` distinct values are kept, later ones
 * become "other", so a client inventing names cannot grow the number of series without bound.
 */
export function boundedLabel(max: number, overflow = 'other'): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return overflow;
    seen.add(value);
    return value;
  };
}
