/**
 * GET and POST /unsubscribe?token=…: the target of an email's List-Unsubscribe link, reached through the router (the
 * only public service; router/src/unsubscribe-forward.ts) and needing no login: the signed token says who and which
 * types (delivery/unsubscribe-token.ts; several for a digest).
 *
 * Only POST unsubscribes (RFC 8058's one-click: the mail client POSTs `List-Unsubscribe=One-Click`). GET, what a
 * person clicking the link in the message does, answers a page with a button that POSTs: mail scanners fetch links
 * in messages, and a GET that unsubscribed would turn email off for people who never asked.
 */
import type { SubgraphOptions } from '@bloomzy/shared/subgraph';
import type { Context } from '../context.js';
import { unsubscribeEmail } from '../domain/unsubscribe-email.js';
import type { NotificationsRuntime } from '../runtime.js';
import { verifyUnsubscribeToken } from './unsubscribe-token.js';

type App = Parameters<NonNullable<SubgraphOptions<Context>['routes']>>[0];

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family: sans-serif"><h1>${title}</h1>${body}</body></html>`;

const INVALID = page(
  'This link does not work',
  '<p>It is not valid or has expired. Change email settings in Bloomzy.</p>',
);

export function unsubscribeRoutes(runtime: Pick<NotificationsRuntime, 'db' | 'clock' | 'config' | 'logger'>) {
  return (app: App): void => {
    void app.register(async (scope) => {
      // Mail clients POST a form (multipart or urlencoded); its only content is "List-Unsubscribe=One-Click".
      scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4_096 }, (_request, _body, done) =>
        done(null, undefined),
      );
      const tokenOf = (query: unknown) => {
        const token = (query as { token?: unknown } | undefined)?.token;
        return typeof token === 'string' && token.length <= 2_048 ? token : '';
      };
      scope.get('/unsubscribe', async (request, reply) => {
        const token = tokenOf(request.query);
        const valid = await verifyUnsubscribeToken(runtime.config.unsubscribeSecret, token, runtime.clock.now());
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        if (!valid) return reply.code(400).send(INVALID);
        const action = `?token=${encodeURIComponent(token)}`;
        return reply.send(
          page(
            'Stop these emails?',
            `<form method="post" action="${action}"><button type="submit">Unsubscribe</button></form>`,
          ),
        );
      });
      scope.post('/unsubscribe', async (request, reply) => {
        const valid = await verifyUnsubscribeToken(
          runtime.config.unsubscribeSecret,
          tokenOf(request.query),
          runtime.clock.now(),
        );
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        if (!valid) return reply.code(400).send(INVALID);
        await unsubscribeEmail(runtime, valid.userId, valid.types);
        runtime.logger.info('email unsubscribed', { userId: valid.userId, types: valid.types });
        return reply.send(page('Unsubscribed', '<p>You will get no more emails of this kind from Bloomzy.</p>'));
      });
    });
  };
}
