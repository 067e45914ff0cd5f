/**
 * The router's own metrics (beside the GraphQL operations every server counts): subgraph fetches, WebSocket
 * connections and subscriptions, and rate-limit refusals. Registered in the process's one registry
 * (@bloomzy/shared/metrics/registry), labelled service="router".
 */
import { counter, DURATION_BUCKETS, gauge, histogram } from '@bloomzy/shared/metrics/registry';

export const SERVICE = 'router';

export const subgraphFetchDuration = histogram({
  name: 'bloomzy_subgraph_fetch_duration_seconds',
  help: 'Time of one fetch from the router to a subgraph (a query plan step), by subgraph and outcome (ok, errors: GraphQL errors in the answer, failed: no usable answer)',
  labelNames: ['service', 'subgraph', 'outcome'] as const,
  buckets: DURATION_BUCKETS,
});

export const websocketConnections = gauge({
  name: 'bloomzy_websocket_connections',
  help: 'Open graphql-ws connections the router has accepted (authenticated and within the per-client cap)',
  labelNames: ['service'] as const,
});

export const websocketSubscriptions = gauge({
  name: 'bloomzy_websocket_subscriptions',
  help: 'Subscriptions running on the router',
  labelNames: ['service'] as const,
});

/** Routers of this process (one in production; several in tests) reporting their upstream sockets. */
const upstreamSocketSources = new Set<() => number>();

gauge({
  name: 'bloomzy_subscription_upstream_sockets',
  help: 'graphql-ws sockets from the router to subgraphs carrying client subscriptions (multiplexed: a few per subgraph, whatever the number of subscribers)',
  labelNames: ['service'] as const,
  collect() {
    let sockets = 0;
    for (const source of upstreamSocketSources) sockets += source();
    this.set({ service: SERVICE }, sockets);
  },
});

/** Reports a router's upstream subscription sockets until the returned function is called. */
export function reportUpstreamSockets(source: () => number): () => void {
  upstreamSocketSources.add(source);
  return () => upstreamSocketSources.delete(source);
}

const sharedFetches = counter({
  name: 'bloomzy_subgraph_fetches_shared_total',
  help: 'Query fetches answered by an identical fetch (same subgraph, body and credentials) already under way instead of being sent, by subgraph',
  labelNames: ['service', 'subgraph'] as const,
});

/** Counts one fetch to `subgraph` that joined an identical one in flight. */
export const countSharedFetch = (subgraph: string) => sharedFetches.inc({ service: SERVICE, subgraph });

const rateLimitRefusals = counter({
  name: 'bloomzy_rate_limit_refusals_total',
  help: 'Operations, connections and subscriptions the router refused for a client over its limits, by limit (requests, cost, connections, subscriptions)',
  labelNames: ['service', 'limit'] as const,
});

/** Counts one refusal against `limit`. */
export const countRefusal = (limit: 'requests' | 'cost' | 'connections' | 'subscriptions') =>
  rateLimitRefusals.inc({ service: SERVICE, limit });

/** Counts a WebSocket connection or subscription as open, and returns its release (idempotent). */
export function countOpen(metric: typeof websocketConnections): () => void {
  metric.inc({ service: SERVICE });
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    metric.dec({ service: SERVICE });
  };
}
