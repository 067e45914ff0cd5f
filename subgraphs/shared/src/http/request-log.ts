/**
 * Request ids and the per-request log line. Every HTTP request gets an id: the client's `x-request-id` when it is
 * well-formed (so one id follows a request from the browser through the router to the subgraphs), a new UUID
 * otherwise. It is returned in the `x-request-id` response header and written on every log line of the request.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';
const WELL_FORMED = /^[\w.-]{1,128}$/;

/**
 * fastify's `genReqId`. Not fastify's `requestIdHeader`: that takes the header verbatim, and a client could then write
 * anything (newlines, megabytes) into our logs and the headers we forward.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && WELL_FORMED.test(given) ? given : randomUUID();
}

/** Probes answer every few seconds; their lines would drown the others at info level. */
const PROBES = new Set(['/health', '/ready']);

/** One line per request, when it completes (method, path, status, time); probes only at debug level. */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (PROBES.has(request.url)) reply.log.debug(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}

/** The request as logged: no query string, which may carry a GraphQL document's variables. */
export function requestSummary(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, path: request.url.split('?')[0], remoteAddress: request.ip };
}
