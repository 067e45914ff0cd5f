/**
 * HTTP data sources for the entity fetches of subscription events, with the subscriber's credentials attached.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';

export type BuildDataSource = (name: string, url: string) => GraphQLDataSource;

export const defaultDataSource: BuildDataSource = (_name, url) => new RemoteGraphQLDataSource({ url });

/**
 * Wraps a shared data source so its requests carry `headers()` — evaluated per fetch, from the subscriber's context.
 * The headers travel in `request.http`, which RemoteGraphQLDataSource (and subclasses) copy onto the outgoing
 * request before `willSendRequest` runs; a custom data source must honour `request.http.headers` likewise.
 */
export function withHeaders(source: GraphQLDataSource, headers: () => Record<string, string>): GraphQLDataSource {
  return {
    process(options) {
      const forwarded = headers();
      if (Object.keys(forwarded).length === 0) return source.process(options);
      const merged = new Headers(forwarded);
      for (const [name, value] of options.request.http?.headers ?? []) merged.set(name, value);
      return source.process({
        ...options,
        request: {
          ...options.request,
          http: {
            method: options.request.http?.method ?? 'POST',
            url: options.request.http?.url ?? '',
            headers: merged,
          },
        },
      });
    },
  };
}
