/**
 * The primary fetch of a subscription plan, run against the owning subgraph over graphql-ws.
 *
 * One graphql-ws client (hence one WebSocket) per client subscription: the upstream connection then carries exactly
 * the credentials of the subscriber, and "the socket closed" unambiguously means "this subscription is over".
 * Releasing the returned channel (`return()`) unsubscribes upstream and disposes the client.
 */
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { AsyncQueue } from '@bloomzy/shared/messaging/async-queue';
import { traceContextHeaders } from '@bloomzy/shared/telemetry/propagation';
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

export interface UpstreamSubscription {
  readonly subgraph: string;
  readonly url: string;
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown>;
  readonly connectionParams: Record<string, unknown> | undefined;
  /** Headers of the WebSocket upgrade request. */
  readonly headers?: Record<string, string> | undefined;
  /** Ping interval, and how long a pong may take before the subgraph counts as gone (0 disables). */
  readonly keepAliveMs: number;
  /** How long the subgraph may take to acknowledge connection_init (0 waits forever). */
  readonly ackTimeoutMs: number;
}

export function subscribeUpstream(request: UpstreamSubscription): AsyncQueue<UpstreamItem> {
  let pongTimeout: NodeJS.Timeout | undefined;

  // `client` and `unsubscribe` are declared below but only used once the channel is released, which cannot happen
  // before this function returns: graphql-ws calls no handler and no sink synchronously.
  const channel = new AsyncQueue<UpstreamItem>(() => {
    clearTimeout(pongTimeout);
    unsubscribe();
    // Not awaited: dispose waits for a connection attempt still in flight, and graphql-ws awaits our return().
    client.dispose()?.catch(() => {});
  });
  const fail = (error: GraphQLError): void => {
    if (channel.ended) return;
    channel.push({ kind: 'failure', error });
    channel.end();
  };

  const client: Client = createClient({
    url: request.url,
    // The upgrade carries the subscriber's trace context, so the subgraph's side of the subscription joins its trace.
    webSocketImpl: withUpgradeHeaders({ ...request.headers, ...traceContextHeaders() }),
    lazy: true,
    // A retry would silently re-subscribe and lose the events in between; the client decides whether to resubscribe.
    retryAttempts: 0,
    connectionParams: request.connectionParams,
    connectionAckWaitTimeout: request.ackTimeoutMs,
    keepAlive: request.keepAliveMs,
    on: {
      // A host that vanished without closing TCP would otherwise leave the subscription silently hanging:
      // terminate() reports a 4499 close, handled below like any other.
      ping: (received) => {
        if (received || request.keepAliveMs <= 0) return; // only our own pings expect a pong
        clearTimeout(pongTimeout);
        pongTimeout = setTimeout(() => client.terminate(), request.keepAliveMs);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimeout);
      },
      // graphql-ws reconnects transparently after a 1000 close while subscriptions are active; for us any close of
      // this dedicated socket before we released it means the subgraph dropped the subscription.
      closed: (event) => {
        clearTimeout(pongTimeout);
        fail(upstreamError(request.subgraph, event));
      },
    },
  });
  const unsubscribe = client.subscribe<Record<string, unknown>>(
    { query: request.query, operationName: request.operationName ?? null, variables: request.variables },
    {
      next: (result) => channel.push({ kind: 'event', data: result.data, errors: result.errors }),
      error: (error) => fail(upstreamError(request.subgraph, error)),
      complete: () => channel.end(),
    },
  );
  return channel;
}

/** graphql-ws constructs the socket itself, with URL and protocol only: a subclass adds the upgrade's headers. */
function withUpgradeHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

/** Turns whatever graphql-ws reports (close event, error message payload, socket error) into one client-facing error. */
function upstreamError(subgraph: string, reason: unknown): GraphQLError {
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
