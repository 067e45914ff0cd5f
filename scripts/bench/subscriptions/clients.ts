/**
 * N graphql-ws clients, one per user, each with one subscription; records when each event arrived, by its
 * notification id. Connects with bounded concurrency so the connect time measures the router, not a SYN flood.
 *
 * Two kinds of client, both speaking graphql-ws's protocol (graphql-transport-ws) over `ws`:
 * - `lean` (default): a socket and a message handler: connection_init, subscribe once acknowledged, pong to pings,
 *   arrival stamped before the message is parsed. The 10 000 clients stand for 10 000 devices but all run in this one
 *   process, on one thread and the same two cores as the services, so what they spend is part of every figure: with
 *   graphql-ws's client this process spent 0.6–2.0 s of CPU over a burst of 10 000 events, with these 0.5–1.1 s.
 * - `graphql-ws`: graphql-ws's own createClient, as an application would use it (what the figures before used).
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { BenchUser } from './tokens.js';

const SUBSCRIPTION = 'subscription Bench { notificationReceived { id title scheduledFor sentAt } }';

export type ClientKind = 'lean' | 'graphql-ws';

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

interface Recorder {
  record(
    user: BenchUser,
    at: number,
    result: { data?: Received | null; errors?: readonly { message: string }[] },
  ): void;
  readonly failures: string[];
}

/** One client: resolves once its connection is acknowledged (or failed); `close` disconnects it. */
type Connect = (wsUrl: string, user: BenchUser, recorder: Recorder) => Promise<() => Promise<void>>;

const connectGraphqlWs: Connect = (wsUrl, user, recorder) =>
  new Promise((resolve) => {
    let client: Client | undefined = undefined;
    const close = async () => client?.dispose();
    client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.accessToken}` },
      retryAttempts: 0,
      lazy: false,
      keepAlive: 0,
      onNonLazyError: (error) => {
        recorder.failures.push(`connect: ${String((error as { code?: number }).code ?? error)}`);
        resolve(close);
      },
      on: { connected: () => resolve(close) },
    });
    client.subscribe<Received>(
      { query: SUBSCRIPTION, operationName: 'Bench' },
      {
        next: (result) => recorder.record(user, Date.now(), result),
        error: (error) => recorder.failures.push(`subscription: ${JSON.stringify(error).slice(0, 200)}`),
        complete: () => {},
      },
    );
  });

const connectLean: Connect = (wsUrl, user, recorder) =>
  new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    let closing = false;
    const close = () =>
      new Promise<void>((done) => {
        closing = true;
        if (socket.readyState === WebSocket.CLOSED) return done();
        socket.once('close', () => done());
        socket.close(1000, 'Normal Closure');
      });
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${user.accessToken}` } }),
      ),
    );
    socket.on('message', (raw: Buffer) => {
      const at = Date.now();
      const message = JSON.parse(raw.toString('utf8')) as { type: string; payload?: unknown };
      switch (message.type) {
        case 'next':
          return recorder.record(user, at, (message.payload ?? {}) as Parameters<Recorder['record']>[2]);
        case 'ping':
          return socket.send('{"type":"pong"}');
        case 'connection_ack':
          socket.send(
            JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, operationName: 'Bench' } }),
          );
          return resolve(close);
        case 'error':
          return void recorder.failures.push(`subscription: ${JSON.stringify(message.payload).slice(0, 200)}`);
      }
    });
    socket.on('error', (error) => recorder.failures.push(`socket: ${error.message}`));
    socket.on('close', (code) => {
      if (!closing) recorder.failures.push(`closed: ${code}`);
      resolve(close);
    });
  });

export async function connectSubscribers(
  wsUrl: string,
  users: readonly BenchUser[],
  concurrency: number,
  kind: ClientKind = 'lean',
): Promise<Subscribers> {
  const arrivals = new Map<string, Arrival>();
  const failures: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  const recorder: Recorder = {
    failures,
    record(user, at, result) {
      const received = result.data?.notificationReceived;
      if (received && !arrivals.has(user.id))
        arrivals.set(user.id, {
          at,
          notificationId: received.id,
          sentAt: received.sentAt ? Date.parse(received.sentAt) : NaN,
        });
      if (result.errors) failures.push(`event: ${result.errors[0]?.message}`);
    },
  };
  const connect = kind === 'lean' ? connectLean : connectGraphqlWs;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const user = users[next++]!;
      closers.push(await connect(wsUrl, user, recorder));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    arrivals,
    failures,
    connectMs: performance.now() - started,
    close: async () => {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
