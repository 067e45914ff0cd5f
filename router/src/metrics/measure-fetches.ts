/**
 * Times a data source's subgraph fetches into `bloomzy_subgraph_fetch_duration_seconds`: only fetches made for client
 * operations (query-plan steps, subscription events), not health checks or schema loading. A wrapper rather than a
 * subclass, so that it applies to whichever data source the gateway and the subscription engine build.
 */
import type { GraphQLDataSource } from '@apollo/gateway';
import { SERVICE, subgraphFetchDuration } from './router-metrics.js';

export function measureFetches<T extends GraphQLDataSource>(source: T, subgraph: string): T {
  const process = source.process.bind(source);
  source.process = async (options) => {
    // Only an incoming operation's fetch has the operation's context (the kind enum is not exported).
    if (!('incomingRequestContext' in options)) return process(options);
    const started = performance.now();
    let outcome = 'failed';
    try {
      const response = await process(options);
      outcome = response.errors?.length ? 'errors' : 'ok';
      return response;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      subgraphFetchDuration.observe({ service: SERVICE, subgraph, outcome }, seconds);
    }
  };
  return source;
}
