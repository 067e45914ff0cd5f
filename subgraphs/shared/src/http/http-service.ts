/**
 * The HTTP skeleton shared by the router and every subgraph: a node:http server with a route table, `GET /health`
 * (alive), `GET /ready` (dependencies answering) and graceful shutdown.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.js';
import { sendJson } from './apollo-handler.js';
import { applyCors } from './cors.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpServiceOptions {
  name: string;
  host: string;
  port: number;
  logger: Logger;
  /** Keys like "GET /.well-known/jwks.json"; "* /graphql" matches every method. */
  routes: Record<string, Handler>;
  /** Origins browsers may call from ('*' for any); no CORS headers when absent. */
  corsOrigins?: readonly string[];
  /** Readiness probe: resolves true when the service can serve traffic. */
  ready?: () => Promise<boolean>;
}

export interface HttpService {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpService(options: HttpServiceOptions): Promise<HttpService> {
  const routes: Record<string, Handler> = {
    'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok', service: options.name }),
    'GET /ready': async (_req, res) => {
      const ok = await (options.ready?.() ?? Promise.resolve(true)).catch(() => false);
      sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready', service: options.name });
    },
    ...options.routes,
  };
  const server = createServer((req, res) => {
    if (options.corsOrigins && applyCors(req, res, options.corsOrigins)) return;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = routes[`${req.method} ${path}`] ?? routes[`* ${path}`];
    if (!handler) {
      sendJson(res, 404, { error: 'Not found' });
      return;
    }
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      const status = (error as { status?: number }).status ?? 500;
      if (status >= 500) options.logger.error('request failed', { error, path });
      if (!res.headersSent)
        sendJson(res, status, { error: status >= 500 ? 'Internal server error' : (error as Error).message });
      else res.end();
    });
  });
  // Keep-alive sockets would hold close() open; we end idle ones on shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    server,
    port,
    url: `http://${displayHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}
