/**
 * Test-only subgraphs, served for real on ephemeral ports:
 * - "users" owns User (HTTP only, standalone Apollo Server) and records the authorization headers it receives;
 * - "notes" owns Note and Subscription.noteAdded, over HTTP and graphql-ws on one node:http server, fed by `publish`.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { unauthenticated } from '@bloomzy/shared/errors';
import { AsyncQueue } from '@bloomzy/shared/messaging/async-queue';

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

const USERS: Record<string, { id: string; name: string }> = {
  u1: { id: 'u1', name: 'Ada' },
  u2: { id: 'u2', name: 'Grace' },
};

export const usersTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type User @key(fields: "id") { id: ID! name: String! }
  type Query { user(id: ID!): User }
`);

export async function startUsersSubgraph(): Promise<RunningServer & { authorizations: (string | undefined)[] }> {
  const authorizations: (string | undefined)[] = [];
  const server = new ApolloServer({
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    schema: buildSubgraphSchema([
      {
        typeDefs: usersTypeDefs,
        resolvers: {
          Query: { user: (_: unknown, { id }: { id: string }) => USERS[id] ?? null },
          User: { __resolveReference: ({ id }: { id: string }) => USERS[id] ?? null },
        },
      },
    ]),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      authorizations.push(req.headers.authorization);
      return {};
    },
  });
  return { url, authorizations, stop: () => server.stop() };
}

interface Note {
  readonly id: string;
  readonly text: string;
  readonly authorId: string;
}

export const notesTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Note @key(fields: "id") { id: ID! text: String! mood: String author: User }
  type User @key(fields: "id", resolvable: false) { id: ID! }
  type Query { notes: [Note!]! }
  type Subscription { noteAdded(authorId: ID): Note! }
`);

export interface NotesSubgraph extends RunningServer {
  publish(note: Note): void;
  /** Subscriptions currently open on the subgraph (started and not yet finalised). */
  readonly openSubscriptions: number;
  readonly startedSubscriptions: number;
  /** WebSocket connections currently open to the subgraph. */
  readonly openSockets: number;
  /** connection_init payloads the subgraph's graphql-ws server received. */
  readonly connectionParams: (Readonly<Record<string, unknown>> | undefined)[];
  /** `extensions` of every subscribe message it received, in order. */
  readonly subscribeExtensions: (Readonly<Record<string, unknown>> | undefined)[];
  /** Subscribers whose signed identity it verified (with `credentials`), in order. */
  readonly verifiedSubscribers: string[];
  /** Closes every WebSocket abruptly but keeps serving, as a subgraph restart or a network blip would. */
  dropSockets(): void;
  /** Headers of the WebSocket upgrade requests it accepted. */
  readonly upgradeHeaders: IncomingHttpHeaders[];
  /** Kills every WebSocket and stops listening, as a crashing subgraph would. */
  stop(): Promise<void>;
}

/**
 * `credentials`: every subscription must carry a signed subscriber identity (`extensions.identity`), verified like the
 * notifications subgraph does; a missing or forged one is refused with UNAUTHENTICATED.
 */
export async function startNotesSubgraph(options: { credentials?: ServiceCredentials } = {}): Promise<NotesSubgraph> {
  const subscribeExtensions: (Readonly<Record<string, unknown>> | undefined)[] = [];
  const verifiedSubscribers: string[] = [];
  const feeds = new Map<AsyncQueue<{ noteAdded: Note }>, string | undefined>();
  const published: Note[] = [];
  const connectionParams: (Readonly<Record<string, unknown>> | undefined)[] = [];
  const upgradeHeaders: IncomingHttpHeaders[] = [];
  let started = 0;

  const schema = buildSubgraphSchema([
    {
      typeDefs: notesTypeDefs,
      resolvers: {
        Query: { notes: () => published },
        Note: {
          __resolveReference: ({ id }: { id: string }) => published.find((note) => note.id === id) ?? null,
          author: (note: Note) => ({ id: note.authorId }),
          // Lets a test produce an event that carries a subgraph error next to its data.
          mood: (note: Note) => {
            if (note.text === 'boom') throw new Error('mood sensor exploded');
            return 'calm';
          },
        },
        Subscription: {
          noteAdded: {
            subscribe: (_: unknown, { authorId }: { authorId?: string | null }) => {
              started += 1;
              // AsyncQueue.return() runs at once when graphql-ws completes the operation, so `feeds` shows the release.
              const feed: AsyncQueue<{ noteAdded: Note }> = new AsyncQueue(() => feeds.delete(feed));
              feeds.set(feed, authorId ?? undefined);
              return feed;
            },
          },
        },
      },
    },
  ]);

  const apollo = new ApolloServer<BaseContext>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const http = createServer((req, res) => void serveApollo(apollo, req, res, async () => ({})));
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const wsServer = useServer(
    {
      schema,
      onConnect: (ctx) => {
        connectionParams.push(ctx.connectionParams);
        upgradeHeaders.push(ctx.extra.request.headers);
      },
      onSubscribe: async (_ctx, _id, payload) => {
        subscribeExtensions.push(payload.extensions ?? undefined);
        if (!options.credentials) return undefined;
        const principal = await options.credentials.verifyIdentity(payload.extensions?.identity, 'notes');
        if (!principal) return [unauthenticated('no valid subscriber identity')];
        verifiedSubscribers.push(principal.userId);
        return undefined;
      },
    },
    wss,
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    publish: (note) => {
      published.push(note);
      for (const [feed, authorId] of feeds) if (!authorId || authorId === note.authorId) feed.push({ noteAdded: note });
    },
    get openSubscriptions() {
      return feeds.size;
    },
    get startedSubscriptions() {
      return started;
    },
    get openSockets() {
      return wss.clients.size;
    },
    connectionParams,
    upgradeHeaders,
    subscribeExtensions,
    verifiedSubscribers,
    dropSockets() {
      for (const socket of wss.clients) socket.terminate();
    },
    async stop() {
      for (const socket of wss.clients) socket.terminate();
      await wsServer.dispose();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await apollo.stop();
    },
  };
}

/** Minimal node:http binding for Apollo Server 5 (the standalone server cannot share its port with graphql-ws). */
export async function serveApollo<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  context: (req: IncomingMessage) => Promise<TContext>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: req.method ?? 'GET',
      headers,
      search: new URL(req.url ?? '/', 'http://localhost').search,
      body: text ? JSON.parse(text) : {},
    },
    context: () => context(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * A graphql-ws endpoint that has stopped answering without closing its sockets (a frozen process or a host gone
 * without FIN): it acknowledges the connection if `ack`, then ignores every message — pings included.
 */
export async function startFrozenGraphqlWs({ ack }: { ack: boolean }): Promise<RunningServer> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'graphql-transport-ws' });
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      const message: unknown = JSON.parse(String(data));
      const isInit =
        typeof message === 'object' && message !== null && 'type' in message && message.type === 'connection_init';
      if (ack && isInit) socket.send(JSON.stringify({ type: 'connection_ack' }));
    });
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    async stop() {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
