/**
 * A GraphQL request from a chosen loopback address (127.0.0.2, 127.0.0.3, …: all of 127/8 is this host on Linux), so
 * one test can play several clients that the router tells apart by address, as it tells real clients apart.
 */
import http from 'node:http';
import type { GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';

export function gqlFrom<T = Record<string, unknown>>(
  localAddress: string,
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          try {
            resolve({ ...(JSON.parse(text) as GraphQLResponse<T>), status: response.statusCode ?? 0 });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
