/**
 * The Redis event bus's backlog per consumer group, read when Prometheus scrapes (XINFO GROUPS, XPENDING and one
 * XRANGE per group: a few cheap commands per stream). Every process that watches reports every group of the streams it
 * is given, so series repeat per instance: dashboards and alerts take the max by stream and group.
 */
import type { Redis } from 'ioredis';
import { gauge } from './registry.js';

interface GroupBacklog {
  stream: string;
  group: string;
  /** Delivered to a consumer, not yet acknowledged. */
  pending: number;
  /** In the stream, not yet delivered to the group. */
  lag: number;
  /** Age of the oldest event the group has not acknowledged (0 when none). */
  oldestSeconds: number;
}

interface Watched {
  service: string;
  read(): Promise<GroupBacklog[]>;
}

const watched = new Map<symbol, Watched>();
/**
 * One read per scrape, shared by the three gauges: prom-client calls their collect functions in the same tick, so a
 * read started in this tick is theirs, and the next scrape starts afresh.
 */
let shared: Promise<{ service: string; groups: GroupBacklog[] }[]> | undefined;

function current() {
  if (!shared) {
    shared = Promise.all(
      [...watched.values()].map(async (w) => ({ service: w.service, groups: await w.read().catch(() => []) })),
    );
    setImmediate(() => (shared = undefined));
  }
  return shared;
}

function backlogGauge(name: string, help: string, value: (group: GroupBacklog) => number) {
  return gauge({
    name,
    help,
    labelNames: ['service', 'stream', 'group'] as const,
    async collect() {
      this.reset();
      for (const { service, groups } of await current()) {
        for (const g of groups) this.set({ service, stream: g.stream, group: g.group }, value(g));
      }
    },
  });
}

backlogGauge(
  'bloomzy_event_bus_pending',
  'Events delivered to a consumer group but not yet acknowledged, by stream and group',
  (g) => g.pending,
);
backlogGauge(
  'bloomzy_event_bus_lag',
  'Events in a stream not yet delivered to a consumer group, by stream and group',
  (g) => g.lag,
);
backlogGauge(
  'bloomzy_event_bus_oldest_unacknowledged_seconds',
  'Age of the oldest event a consumer group has not acknowledged (0 when it is caught up), by stream and group',
  (g) => g.oldestSeconds,
);

/** Milliseconds of a stream entry id ("<ms>-<seq>"). */
const timeOf = (id: string | undefined | null) => (id ? Number(id.split('-')[0]) : Number.NaN);

function fieldsOf(entry: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i + 1 < entry.length; i += 2) out[String(entry[i])] = entry[i + 1];
  return out;
}

async function readStream(redis: Redis, key: string, stream: string): Promise<GroupBacklog[]> {
  const groups = (await redis.xinfo('GROUPS', key).catch(() => [])) as unknown[][];
  return Promise.all(
    groups.map(async (entry) => {
      const info = fieldsOf(entry);
      const group = String(info.name);
      const [[pendingCount, oldestPending], next] = await Promise.all([
        redis.xpending(key, group) as Promise<[number, string | null, string | null, unknown]>,
        // The first event after the group's last delivered one: the oldest it has not seen yet.
        redis.xrange(key, `(${String(info['last-delivered-id'])}`, '+', 'COUNT', 1),
      ]);
      const oldest = Math.min(timeOf(oldestPending), timeOf(next[0]?.[0]));
      return {
        stream,
        group,
        pending: Number(pendingCount),
        // Redis answers nil when it cannot tell (after deletions); the next-entry probe then says whether any is left.
        lag: info.lag === null || info.lag === undefined ? (next.length ? 1 : 0) : Number(info.lag),
        oldestSeconds: Number.isFinite(oldest) ? Math.max(0, (Date.now() - oldest) / 1000) : 0,
      };
    }),
  );
}

/** Reports the consumer groups of `streams` (stored under `prefix`) at every scrape until the returned function runs. */
export function watchEventBus(options: { service: string; redis: Redis; prefix: string; streams: readonly string[] }) {
  const key = Symbol(options.service);
  watched.set(key, {
    service: options.service,
    read: async () =>
      (await Promise.all(options.streams.map((s) => readStream(options.redis, options.prefix + s, s)))).flat(),
  });
  return () => void watched.delete(key);
}
