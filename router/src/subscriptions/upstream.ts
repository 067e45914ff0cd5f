/**
 * What an upstream subscription yields to its client-facing stream, and the errors it reports; multiplexer.ts runs
 * the subscriptions themselves.
 */
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';
import { GraphQLError } from './graphql.js';

/** What the owning subgraph sent for one event (kept raw: executeQueryPlan attributes the errors to the subgraph). */
export interface UpstreamEvent {
  readonly kind: 'event';
  readonly data: Record<string, unknown> | null | undefined;
  readonly errors: readonly GraphQLFormattedError[] | undefined;
}

/** The upstream subscription ended abnormally; the client is told why, then its subscription completes. */
interface UpstreamFailure {
  readonly kind: 'failure';
  readonly error: GraphQLError;
}

export type UpstreamItem = UpstreamEvent | UpstreamFailure;

/** graphql-ws constructs the socket itself, with URL and protocol only: a subclass adds the upgrade's headers. */
export function withUpgradeHeaders(
  headers: Record<string, string>,
): new (address: string | URL, protocols?: string | string[]) => WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

/** Turns whatever graphql-ws reports (close event, error message payload, socket error) into one client-facing error. */
export function upstreamError(subgraph: string, reason: unknown): GraphQLError {
  const extensions = { code: 'SUBSCRIPTION_UPSTREAM_FAILED', serviceName: subgraph };
  if (isCloseEvent(reason)) {
    const detail = reason.reason ? `${reason.code}: ${reason.reason}` : String(reason.code);
    return new GraphQLError(`Subscription ended: connection to subgraph "${subgraph}" closed (${detail}).`, {
      extensions: { ...extensions, closeCode: reason.code },
    });
  }
  if (Array.isArray(reason)) {
    // The subgraph refused the operation with an `error` message (e.g. its own validation failed).
    const messages = reason.map((error: unknown) => describe(error)).join('; ');
    return new GraphQLError(`Subgraph "${subgraph}" rejected the subscription: ${messages}`, { extensions });
  }
  return new GraphQLError(`Subscription to subgraph "${subgraph}" failed: ${describe(reason)}`, {
    extensions,
    ...(reason instanceof Error ? { originalError: reason } : {}),
  });
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'number' &&
    'reason' in value &&
    typeof value.reason === 'string'
  );
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string') {
    return value.message;
  }
  return String(value);
}
