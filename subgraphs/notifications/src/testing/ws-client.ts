/**
 * A graphql-ws client for tests: collects a subscription's events and how the socket closed. It connects to the
 * notifications subgraph as the router does, with the router's service credential on the upgrade request.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { routerHeaders } from '@bloomzy/shared/testing/router-credential';

export interface TestSubscription<T> {
  /** Events received so far. */
  events: T[];
  /** Resolves with the next event (or the ones already received beyond `count`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  /** Errors the server sent for the operation. */
  errors: unknown[];
  /** Resolves once the server acknowledged the connection (or rejects when it closed it). */
  connected: Promise<void>;
  dispose(): Promise<void>;
}

export function subscribe<T>(
  url: string,
  query: string,
  connectionParams: Record<string, unknown> | undefined,
): TestSubscription<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  let onClosed: (code: number) => void = () => {};
  let onConnected: () => void = () => {};
  let onRefused: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  const connected = new Promise<void>((resolve, reject) => {
    onConnected = resolve;
    onRefused = (code) => reject(new Error(`closed with ${code}`));
  });
  connected.catch(() => undefined);
  const sink = {
    next: (result: { data?: unknown; errors?: readonly unknown[] }) => {
      if (result.data) events.push(result.data as T);
      if (result.errors) errors.push(...result.errors);
      for (const wake of waiters.splice(0)) wake();
    },
    error: (error: unknown) => {
      errors.push(error);
      for (const wake of waiters.splice(0)) wake();
    },
    complete: () => {},
  };
  const startClient = (headers: Record<string, string>): Client =>
    createClient({
      url,
      webSocketImpl: class extends WebSocket {
        constructor(address: string | URL, protocols?: string | string[]) {
          super(address, protocols, { headers });
        }
      },
      connectionParams,
      retryAttempts: 0,
      lazy: false,
      // The close is reported through `closed` below; graphql-ws would otherwise print it to the console.
      onNonLazyError: () => {},
      on: {
        connected: () => onConnected(),
        closed: (event) => {
          const code = (event as { code?: number }).code ?? 0;
          onRefused(code);
          onClosed(code);
        },
      },
    });
  // Signing is asynchronous and graphql-ws builds its socket itself: the client starts once the credential is ready.
  const client: Promise<Client> = routerHeaders('notifications').then((headers) => {
    const started = startClient(headers);
    started.subscribe<T>({ query }, sink);
    return started;
  });
  return {
    events,
    errors,
    closed,
    connected,
    async waitFor(count, timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} events within ${timeoutMs} ms, got ${events.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => (clearTimeout(timer), resolve()));
        });
      }
      return events.slice(0, count);
    },
    dispose: async () => (await client).dispose(),
  };
}
