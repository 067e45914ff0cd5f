/**
 * Whether each service's dependencies answer (its database, Redis, for the router each subgraph), checked when
 * Prometheus scrapes: one cheap probe per dependency per scrape, so the gauge is never older than the scrape.
 */
import { gauge } from './registry.js';

type Check = () => Promise<boolean>;

/** How long a probe may take before its dependency counts as down (Prometheus' scrape timeout is 10 s). */
const CHECK_TIMEOUT_MS = 3_000;

const checks = new Map<string, { service: string; dependency: string; check: Check }>();

gauge({
  name: 'bloomzy_dependency_up',
  help: 'Whether a dependency answered its readiness probe at the last scrape (1) or not (0), by service and dependency (database, redis, subgraph:<name>)',
  labelNames: ['service', 'dependency'] as const,
  async collect() {
    this.reset();
    await Promise.all(
      [...checks.values()].map(async ({ service, dependency, check }) => {
        this.set({ service, dependency }, (await withTimeout(check)) ? 1 : 0);
      }),
    );
  },
});

async function withTimeout(check: Check): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([check().catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reports `dependency` of `service` at every scrape until the returned function is called (on stop). */
export function watchDependency(service: string, dependency: string, check: Check): () => void {
  const key = `${service}\n${dependency}\n${Math.random()}`;
  checks.set(key, { service, dependency, check });
  return () => void checks.delete(key);
}
