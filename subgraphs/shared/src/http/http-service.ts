/**
 * The HTTP server shared by the router and every subgraph, on fastify: the service's own routes, `GET /health`
 * (alive), `GET /ready` (dependencies answering), a request id per request, JSON errors, CORS where asked for,
 * WebSocket upgrades routed like requests (graphql-ws on /graphql), and graceful shutdown.
 */
import type { AddressInfo } from 'node:net';
import fastifyCors from '@fastify/cors';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { handleProtocols } from 'graphql-ws';
import { withLogBindings, type Logger } from '../logger.js';
import { httpErrorHandler, notFound } from './http-errors.js';
import { MAX_BODY_BYTES } from './request-limits.js';
import { REQUEST_ID_HEADER, RequestLog, requestIdOf, requestSummary } from './request-log.js';

/** WebSocket close code 1001: the server is going away (clients may reconnect elsewhere). */
const GOING_AWAY = 1001;
/**
 * How long an idle keep-alive connection stays open: longer than any client keeps one idle (the router's subgraph
 * fetcher 4 s, Node's fetch 4 s, load balancers 60 s), so the client always closes it first. With Node's 5 s a stalled
 * event loop let a service close a connection a client was just sending on: `npm start` (every service on one loop)
 * answered concurrent writes with ECONNRESET, on mutations too, which nobody may retry.
 */
const KEEP_ALIVE_MS = 65_000;
/** How long shutdown waits for in-flight requests and open sockets before cutting them. */
const FORCE_CLOSE_AFTER_MS = 2_000;
/** Open to anyone even where `requireCredential` guards the rest: orchestrators probe them without credentials. */
const PROBES = new Set(['/health', '/ready']);
/** What a caller without the credential gets: the shape of a GraphQL error, which any client can read. */
const FORBIDDEN = {
  errors: [{ message: 'Forbidden: this service answers only the router', extensions: { code: 'FORBIDDEN' } }],
};

/**
 * Credentials travel in the Authorization header, not cookies, so allowing an origin never exposes ambient
 * credentials to it. Browsers (web frontends, Apollo Sandbox) may send these headers and read the request id.
 */
const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  REQUEST_ID_HEADER,
  // W3C trace context: a web app's own traces continue through the router (telemetry/).
  'traceparent',
  'tracestate',
  'baggage',
];

export interface HttpServiceOptions {
  name: string;
  host: string;
  port: number;
  logger: Logger;
  /** Registers the service's routes (GraphQL, JWKS...) before the server listens. */
  routes(app: FastifyInstance): void | Promise<void>;
  /** Origins browsers may call from ('*' for any); no CORS headers when absent. */
  corsOrigins?: readonly string[];
  /** Readiness probe: resolves true when the service can serve traffic. */
  ready?: () => Promise<boolean>;
  /**
   * Proxies (addresses, CIDR ranges, `loopback`...) whose `X-Forwarded-For` is believed: `request.ip` is then the
   * nearest address in that header that is not one of them. By default the header is ignored and `request.ip` is the
   * peer's address, so no client can claim another's address.
   */
  trustedProxies?: readonly string[];
  /**
   * Admits a request to any route but /health and /ready (unknown paths included), WebSocket upgrades too. It runs in
   * onRequest, before the body is read: a request it refuses gets 403 and its connection is closed, so a body still
   * on its way is never read. Every route is open when absent.
   */
  requireCredential?: (request: FastifyRequest) => Promise<boolean>;
}

export interface HttpService {
  app: FastifyInstance;
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, closes idle keep-alive sockets; cuts the rest after 2 s. */
  close(): Promise<void>;
}

export async function startHttpService(options: HttpServiceOptions): Promise<HttpService> {
  const app = Fastify({
    loggerInstance: options.logger.pino.child({}, { serializers: { req: requestSummary } }) as FastifyBaseLogger,
    logController: new RequestLog({ requestIdLogLabel: 'requestId' }),
    genReqId: requestIdOf,
    bodyLimit: MAX_BODY_BYTES,
    keepAliveTimeout: KEEP_ALIVE_MS,
    forceCloseConnections: 'idle',
    ...(options.trustedProxies?.length ? { trustProxy: [...options.trustedProxies] } : {}),
  });
  let closing = false;
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // A request still in flight at shutdown ends its connection, instead of leaving it idle until the forced close.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
  // After body parsing (which runs in the socket's async context), so that the handler and all it calls log the id.
  app.addHook('preHandler', (request, _reply, done) => withLogBindings({ requestId: request.id }, done));
  if (options.corsOrigins) {
    const origins = options.corsOrigins;
    await app.register(fastifyCors, {
      origin: origins.includes('*') ? '*' : [...origins],
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: CORS_ALLOWED_HEADERS,
      // Retry-After: a browser client refused with 429 reads when to try again.
      exposedHeaders: [REQUEST_ID_HEADER, 'retry-after'],
      maxAge: 600,
      // Any OPTIONS request is answered as a preflight, as before, even without the preflight headers.
      strictPreflight: false,
    });
  }
  await app.register(fastifyWebsocket, {
    options: { handleProtocols },
    // Like graphql-ws's own server on shutdown: clients are told the server is going away, and may reconnect.
    preClose(done) {
      for (const client of this.websocketServer.clients) client.close(GOING_AWAY, 'Going away');
      this.websocketServer.close(() => done());
    },
  });
  // After @fastify/websocket's own onRequest hook, which marks upgrade requests so that their socket is destroyed once
  // answered: a refused upgrade would otherwise hold its half-open socket, and shutdown with it.
  const admits = options.requireCredential;
  if (admits) {
    app.addHook('onRequest', async (request, reply) => {
      if (PROBES.has(request.routeOptions.url ?? '') || (await admits(request))) return;
      return reply.code(403).header('connection', 'close').send(FORBIDDEN);
    });
  }
  app.setErrorHandler(httpErrorHandler);
  app.setNotFoundHandler(notFound);
  app.get('/health', async () => ({ status: 'ok', service: options.name }));
  app.get('/ready', async (_request, reply) => {
    const ok = await (options.ready?.() ?? Promise.resolve(true)).catch(() => false);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready', service: options.name });
  });
  await options.routes(app);
  await app.listen({ host: options.host, port: options.port });
  const { port } = app.server.address() as AddressInfo;
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    app,
    port,
    url: `http://${displayHost}:${port}`,
    close: async () => {
      closing = true;
      const force = setTimeout(() => {
        app.server.closeAllConnections();
        for (const client of app.websocketServer.clients) client.terminate();
      }, FORCE_CLOSE_AFTER_MS);
      force.unref();
      await app.close();
      clearTimeout(force);
    },
  };
}
