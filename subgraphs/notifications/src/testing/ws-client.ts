/** A graphql-ws client for tests: collects a subscription's events and how the socket closed. */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

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
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
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
  client.subscribe<T>(
    { query },
    {
      next: (result) => {
        if (result.data) events.push(result.data as T);
        if (result.errors) errors.push(...result.errors);
        for (const wake of waiters.splice(0)) wake();
      },
      error: (error) => {
        errors.push(error);
        for (const wake of waiters.splice(0)) wake();
      },
      complete: () => {},
    },
  );
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
    dispose: () => client.dispose() ?? Promise.resolve(),
  };
}
