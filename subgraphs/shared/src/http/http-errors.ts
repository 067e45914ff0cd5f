/**
 * JSON answers for what never reaches a handler (unknown route, body over the limit, malformed JSON) and for handler
 * failures: the client gets a short message, the log gets the error (5xx only; 4xx are the client's doing).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDependencyOutage } from '../deps/outage.js';
import { serviceUnavailable } from '../errors.js';

export function notFound(_request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send({ error: 'Not found' });
}

export function httpErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    void reply.code(413).send({ error: 'Request body too large' });
    return;
  }
  // A hook that needs Redis (the router's rate limits, credential checks) while it is away: retryable, as GraphQL.
  if (isDependencyOutage(error)) {
    request.log.warn({ err: error }, 'a dependency is unavailable');
    const { message, extensions } = serviceUnavailable();
    void reply
      .code(503)
      .header('retry-after', '1')
      .send({ errors: [{ message, extensions }] });
    return;
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  void reply.code(status).send({ error: status >= 500 ? 'Internal server error' : error.message });
}

/** On /graphql a malformed body is answered the GraphQL way, so clients read it like any other request error. */
export function graphqlErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code !== 'FST_ERR_CTP_INVALID_JSON_BODY' && error.code !== 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    httpErrorHandler(error, request, reply);
    return;
  }
  void reply.code(400).send({
    errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
  });
}
