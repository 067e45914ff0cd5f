/**
 * Limits on graphql-ws: open connections and running subscriptions per client, and every operation sent over a
 * socket spending the same request budget as an HTTP request.
 *
 * Connection and subscription counts are kept by each router for the sockets it holds (a socket lives on one router;
 * counts in Redis would outlive a crashed router's sockets). Behind N routers a client can hold up to N times the
 * limit, and a load balancer spreading one client's sockets keeps that bounded.
 */
import type { ExecutionArgs, ExecutionResult, GraphQLError } from 'graphql';
import type { WebSocket } from 'ws';
import type { AuthenticatedConnection } from '@bloomzy/shared/auth/connection';
import { rateLimited } from '@bloomzy/shared/errors';
import type { Logger } from '@bloomzy/shared/logger';
import { countOpen, countRefusal, websocketConnections, websocketSubscriptions } from '../metrics/router-metrics.js';
import type { Budgets } from './budgets.js';
import { clientOf, type ClientIdentity } from './client-identity.js';
import { logRefusal, refusalError } from './refusals.js';

/**
 * Close code for a connection over the limit: graphql-ws' own "too many" code (TooManyInitialisationRequests), which
 * its client treats as fatal — it reports the reason instead of reconnecting in a loop.
 */
export const TOO_MANY_CONNECTIONS = 4429;

export interface WebSocketLimitSettings {
  maxConnectionsPerClient: number;
  maxSubscriptionsPerClient: number;
}

type Subscribe = (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;

export interface WebSocketLimits {
  /**
   * Names the client of a new authenticated connection and counts the connection until its socket closes; over the
   * limit it closes the socket with 4429 and returns null.
   */
  admitConnection(connection: AuthenticatedConnection, address: string, socket: WebSocket): ClientIdentity | null;
  /** Spends one operation of the client's request budget: undefined when admitted, else the errors to send. */
  admitOperation(client: ClientIdentity): Promise<GraphQLError[] | undefined>;
  /**
   * graphql-ws' `subscribe`, holding one of the client's subscription slots (client from `contextValue.client`) while
   * the subscription runs; over the limit the operation ends with a RATE_LIMITED error message.
   */
  limitSubscriptions(subscribe: Subscribe): Subscribe;
}

/** Per-client counters that drop a client once it holds nothing, so they never outgrow the open sockets. */
class Counts {
  readonly #held = new Map<string, number>();

  /** Takes one if fewer than `max` are held; returns its release (idempotent), or null. */
  take(key: string, max: number): (() => void) | null {
    const held = this.#held.get(key) ?? 0;
    if (held >= max) return null;
    this.#held.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.#held.get(key) ?? 1) - 1;
      if (left > 0) this.#held.set(key, left);
      else this.#held.delete(key);
    };
  }
}

/**
 * A refusal graphql-ws sends as an `error` message: it reports an iterator that throws on its first `next()` that way
 * (keeping the error's extensions), whereas a plain result with errors would arrive as `next` followed by `complete`.
 */
function refusedStream(error: GraphQLError): AsyncIterableIterator<ExecutionResult> {
  return {
    next: () => Promise.reject(error),
    return: async () => ({ done: true, value: undefined }),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** `source`, calling `release` once when it ends: exhausted, failed, or returned by graphql-ws (complete, close). */
function releasingOnEnd<T>(source: AsyncIterableIterator<T>, release: () => void): AsyncIterableIterator<T> {
  return {
    async next() {
      try {
        const result = await source.next();
        if (result.done) release();
        return result;
      } catch (error) {
        release();
        throw error;
      }
    },
    async return(value?: unknown) {
      release();
      return (await source.return?.(value)) ?? { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const isIterable = (value: unknown): value is AsyncIterableIterator<ExecutionResult> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

export function createWebSocketLimits(
  settings: WebSocketLimitSettings,
  budgets: Budgets,
  logger: Logger,
): WebSocketLimits {
  const connections = new Counts();
  const subscriptions = new Counts();
  return {
    admitConnection({ principal, credentials }, address, socket) {
      // Closed while its credentials were verified: nothing to count (and no close event left to release it).
      if (socket.readyState !== socket.OPEN) return null;
      const client = clientOf(principal, credentials, address);
      const max = settings.maxConnectionsPerClient;
      const release = connections.take(client.key, max);
      if (!release) {
        countRefusal('connections');
        logger.info('WebSocket connection refused: too many for one client', { client: client.key, max });
        socket.close(TOO_MANY_CONNECTIONS, `Too many connections: at most ${max} per client`);
        return null;
      }
      const closed = countOpen(websocketConnections);
      socket.once('close', () => (release(), closed()));
      return client;
    },

    async admitOperation(client) {
      const refusal = await budgets.spendRequest(client.key);
      if (!refusal) return undefined;
      logRefusal(logger, client, refusal);
      return [refusalError(refusal)];
    },

    limitSubscriptions(subscribe) {
      return async (args) => {
        const client = (args.contextValue as { client?: ClientIdentity } | undefined)?.client;
        if (!client) return subscribe(args);
        const max = settings.maxSubscriptionsPerClient;
        // Taken before subscribing, so concurrent subscribes of one client cannot overshoot the limit.
        const release = subscriptions.take(client.key, max);
        if (!release) {
          countRefusal('subscriptions');
          return refusedStream(rateLimited(`Too many subscriptions: at most ${max} at once per client`));
        }
        try {
          const result = await subscribe(args);
          if (isIterable(result)) {
            const ended = countOpen(websocketSubscriptions);
            return releasingOnEnd(result, () => (release(), ended()));
          }
          release();
          return result;
        } catch (error) {
          release();
          throw error;
        }
      };
    },
  };
}
