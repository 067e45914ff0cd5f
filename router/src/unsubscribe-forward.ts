/**
 * GET and POST /unsubscribe, forwarded to the notifications subgraph: the target of every email's one-click
 * unsubscribe link (RFC 8058). Only the router is public, and a mail client must reach it without logging in; the
 * token in the query is what authorizes (notifications verifies it), so the router adds only its service credential
 * and passes the query through. The request body (always `List-Unsubscribe=One-Click`) is not forwarded.
 */
import type { FastifyInstance } from 'fastify';
import type { ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import type { Logger } from '@bloomzy/shared/logger';

const TIMEOUT_MS = 10_000;

export function forwardUnsubscribe(
  app: FastifyInstance,
  options: { notificationsUrl: string | undefined; credentials: ServiceCredentials | undefined; logger: Logger },
): void {
  const { notificationsUrl } = options;
  if (!notificationsUrl) return;
  // The subgraph's /graphql URL names where it listens; /unsubscribe is beside it.
  const target = new URL('/unsubscribe', notificationsUrl);
  void app.register(async (scope) => {
    // Mail clients POST a form (multipart or urlencoded); nothing in it is needed.
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4_096 }, (_request, _body, done) =>
      done(null, undefined),
    );
    const forward = async (method: 'GET' | 'POST', query: string) => {
      const headers = (await options.credentials?.headersFor('notifications')) ?? {};
      return fetch(`${target.href}${query}`, { method, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    };
    for (const method of ['GET', 'POST'] as const) {
      scope.route({
        method,
        url: '/unsubscribe',
        handler: async (request, reply) => {
          const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
          try {
            const answer = await forward(method, query);
            return await reply
              .code(answer.status)
              .type(answer.headers.get('content-type') ?? 'text/html; charset=utf-8')
              .header('cache-control', 'no-store')
              .send(await answer.text());
          } catch (error) {
            options.logger.error('unsubscribe forward failed', { error });
            return reply.code(502).type('text/plain; charset=utf-8').send('Unsubscribing failed; try again later.');
          }
        },
      });
    }
  });
}
