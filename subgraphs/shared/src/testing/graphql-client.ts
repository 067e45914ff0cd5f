/** A minimal GraphQL-over-HTTP client for tests: returns the parsed body, never throws on GraphQL errors. */
import { routerHeaders } from './router-credential.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; field?: string } & Record<string, unknown>;
  }[];
  /** Response extensions, e.g. the router's `cost`. */
  extensions?: Record<string, unknown>;
}

export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponse<T>;
  return { ...body, status: res.status };
}

/**
 * `gql` to a subgraph as the router calls it: with the router's service credential for `subgraph.name` (signed with
 * TEST_SUBGRAPH_SECRET, which the harnesses configure), for tests that talk to one subgraph directly.
 */
export async function routerGql<T = Record<string, unknown>>(
  subgraph: { name: string; url: string },
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  return gql<T>(subgraph.url, query, variables, { ...headers, ...(await routerHeaders(subgraph.name)) });
}

/** The `extensions.code` of the first error, for terse assertions. */
export const errorCode = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
