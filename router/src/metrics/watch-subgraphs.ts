/**
 * Reports each subgraph's readiness as `bloomzy_dependency_up{service="router",dependency="subgraph:<name>"}` at every
 * scrape, with the same signed probe as the router's /ready, so an alert names the subgraph the router cannot reach.
 */
import type { ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { watchDependency } from '@bloomzy/shared/metrics/dependency-metrics';
import { subgraphsAnswer, type SubgraphInfo } from '../gateway.js';
import { SERVICE } from './router-metrics.js';

export function watchSubgraphs(subgraphs: SubgraphInfo[], credentials: ServiceCredentials | undefined): () => void {
  const unwatch = subgraphs.map((subgraph) =>
    watchDependency(SERVICE, `subgraph:${subgraph.name}`, () => subgraphsAnswer([subgraph], credentials)),
  );
  return () => unwatch.forEach((stop) => stop());
}
