/**
 * N graphql-ws clients, one per user, each with one subscription; records when each event arrived, by its
 * notification id. Connects with bounded concurrency so the connect time measures the router, not a SYN flood.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { BenchUser } from './tokens.js';

const SUBSCRIPTION = 'subscription Bench { notificationReceived { id title scheduledFor sentAt } }';

interface Received {
  notificationReceived: { id: string; title: string; scheduledFor: string; sentAt: string | null };
}

interface Arrival {
  at: number;
  notificationId: string;
  /** When the dispatcher wrote SENT (NaN when the event carries none). */
  sentAt: number;
}

export interface Subscribers {
  /** Arrival time (epoch ms) of each event, by user id: the first event each user got (and its sentAt, epoch ms). */
  readonly arrivals: Map<string, Arrival>;
  /** Errors and closes seen by clients. */
  readonly failures: string[];
  /** Milliseconds from the first connect until every client's connection was acknowledged. */
  readonly connectMs: number;
  close(): Promise<void>;
}

export async function connectSubscribers(
  wsUrl: string,
  users: readonly BenchUser[],
  concurrency: number,
): Promise<Subscribers> {
  const arrivals = new Map<string, Arrival>();
  const failures: string[] = [];
  const clients: Client[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++]!;
      await new Promise<void>((resolve) => {
        const client = createClient({
          url: wsUrl,
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${user.accessToken}` },
          retryAttempts: 0,
          lazy: false,
          keepAlive: 0,
          onNonLazyError: (error) => {
            failures.push(`connect: ${String((error as { code?: number }).code ?? error)}`);
            resolve();
          },
          on: { connected: () => resolve() },
        });
        clients.push(client);
        client.subscribe<Received>(
          { query: SUBSCRIPTION, operationName: 'Bench' },
          {
            next: (result) => {
              const received = result.data?.notificationReceived;
              if (received && !arrivals.has(user.id))
                arrivals.set(user.id, {
                  at: Date.now(),
                  notificationId: received.id,
                  sentAt: received.sentAt ? Date.parse(received.sentAt) : NaN,
                });
              if (result.errors) failures.push(`event: ${result.errors[0]?.message}`);
            },
            error: (error) => failures.push(`subscription: ${JSON.stringify(error).slice(0, 200)}`),
            complete: () => {},
          },
        );
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    arrivals,
    failures,
    connectMs: performance.now() - started,
    close: async () => {
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };
}
