/**
 * The router's throughput settings: how subgraph fetches are shared and batched (subgraph-fetch.ts) and the caches
 * between operations — parsed and validated documents (Apollo Server) and query plans (@apollo/gateway), both LRU by
 * approximate size. Nothing caches responses.
 */
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';

export interface GatewayPerformance {
  /** Share the answer of an identical query fetch (same subgraph, body and credentials) while it is under way. */
  dedupe: boolean;
  /** Send query fetches to one subgraph that start together as one batched HTTP request. */
  batch: boolean;
  queryPlanCacheMiB: number;
  documentCacheMiB: number;
}

const MIB = 2 ** 20;

/**
 * Apollo Server options: the document cache sized by configuration, and answers serialized with plain
 * `JSON.stringify` — Apollo Server's default pretty-prints every response (indentation and newlines), which costs
 * CPU and bytes on every answer and serves no client.
 */
export function apolloServerPerformance(settings: Pick<GatewayPerformance, 'documentCacheMiB'>) {
  return {
    documentStore: new InMemoryLRUCache<DocumentNode>({
      maxSize: settings.documentCacheMiB * MIB,
      sizeCalculation: InMemoryLRUCache.sizeCalculation,
    }),
    stringifyResult: (value: unknown) => JSON.stringify(value),
  };
}
