/**
 * graphql-ws on the subgraph's own /graphql (same HTTP server, WebSocket upgrade), serving `notificationReceived`.
 * The connection is authenticated once, from `connectionParams.authorization` ("Bearer <token>" or an API key; an
 * `x-api-key` param works too): missing or invalid credentials close it with 4401, an API key without the
 * notifications:read scope with 4403. Every operation on the socket then runs as that principal.
 */
import { hasScope, type Principal } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import type { HttpService } from '@bloomzy/shared/http/http-service';
import type { Logger } from '@bloomzy/shared/logger';
import type { GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { socketContext } from '../context.js';
import type { NotificationsDeps } from '../domain/deps.js';

const param = (params: Record<string, unknown> | undefined, name: string): string | undefined => {
  const value = params?.[name];
  return typeof value === 'string' ? value : undefined;
};

export function attachSubscriptions(options: { deps: NotificationsDeps; verifier: CredentialVerifier; production: boolean; logger: Logger }) {
  return async (http: HttpService, schema: GraphQLSchema): Promise<() => Promise<void>> => {
    const wss = new WebSocketServer({ server: http.server, path: '/graphql' });
    const server = useServer<Record<string, unknown>, { principal: Principal }>(
      {
        schema,
        isProd: options.production,
        onConnect: async (ctx) => {
          const headers = { authorization: param(ctx.connectionParams, 'authorization'), 'x-api-key': param(ctx.connectionParams, 'x-api-key') };
          let principal: Principal | null;
          try {
            principal = await options.verifier.verifyHeaders(headers);
          } catch (error) {
            ctx.extra.socket.close(CloseCode.Unauthorized, error instanceof Error ? error.message.slice(0, 100) : 'Unauthorized');
            return false;
          }
          if (!principal) {
            ctx.extra.socket.close(CloseCode.Unauthorized, 'Authentication required');
            return false;
          }
          if (!hasScope(principal, 'notifications:read')) {
            ctx.extra.socket.close(CloseCode.Forbidden, 'This API key lacks the "notifications:read" scope');
            return false;
          }
          ctx.extra.principal = principal;
          return true;
        },
        context: (ctx) => {
          const { principal } = ctx.extra;
          // onConnect refused every connection without one, and graphql-ws runs no operation before it acknowledged.
          if (!principal) throw new Error('graphql-ws operation on an unauthenticated connection');
          return socketContext(options.deps, principal);
        },
        onError: (_ctx, _id, _payload, errors) => {
          for (const error of errors) if (!error.extensions?.code) options.logger.error('subscription error', { error });
        },
      },
      wss,
    );
    return async () => {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    };
  };
}
