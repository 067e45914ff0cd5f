/**
 * The request budget over HTTP, as a fastify onRequest hook: it runs before the body is read, so a client over its
 * budget costs the router neither body parsing nor GraphQL parsing, validation or planning.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import type { Logger } from '@bloomzy/shared/logger';
import { activeTraceId } from '@bloomzy/shared/telemetry/propagation';
import { withRequestIds } from '../plugins/request-id.js';
import type { Budgets } from './budgets.js';
import { identifyClient, type ClientIdentity } from './client-identity.js';
import { holdRefusal, httpRefusal, logRefusal } from './refusals.js';

/** The routes that run GraphQL operations (server.ts): /graphql, and / where the Sandbox page also answers queries. */
const OPERATION_ROUTES = new Set(['/graphql', '/']);

export interface HttpRequestBudget {
  /** Resolves to the reply when it refused the request (fastify then skips the route), else to undefined. */
  onRequest(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined>;
  /** The client the hook counted this request against; undefined for requests it does not count. */
  clientOf(request: FastifyRequest): ClientIdentity | undefined;
}

export interface HttpRequestBudgetOptions {
  budgets: Budgets;
  verifier: CredentialVerifier;
  logger: Logger;
}

export function createHttpRequestBudget({ budgets, verifier, logger }: HttpRequestBudgetOptions): HttpRequestBudget {
  const clients = new WeakMap<FastifyRequest, ClientIdentity>();
  return {
    async onRequest(request, reply) {
      // WebSocket upgrades are limited per connection, and their operations one by one (websocket-limits.ts).
      if (request.ws || !OPERATION_ROUTES.has(request.routeOptions.url ?? '')) return undefined;
      const client = await identifyClient(verifier, request.headers, request.ip);
      clients.set(request, client);
      const refusal = await budgets.spendRequest(client.key);
      if (!refusal) return undefined;
      logRefusal(logger, client, refusal);
      await holdRefusal(refusal);
      const { status, headers, errors } = httpRefusal(refusal);
      // Refused before Apollo runs: the ids its plugin adds to every other error are added here.
      const ids = { requestId: request.id, traceId: activeTraceId() };
      return reply
        .code(status)
        .headers(headers)
        .send({ errors: withRequestIds(errors, ids) });
    },
    clientOf: (request) => clients.get(request),
  };
}
