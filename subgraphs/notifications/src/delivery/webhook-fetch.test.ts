import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Notification } from '../db/client.js';
import { createWebhookFetch, refusalOf, type WebhookFetchOptions } from './webhook-fetch.js';
import { postWebhook } from './webhook.js';

/** A local receiver standing in for a customer's endpoint; it records what reached it. */
let server: Server;
let port: number;
const received: IncomingHttpHeaders[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    received.push(req.headers);
    req.resume().on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
beforeEach(() => void (received.length = 0));

type Resolve = NonNullable<WebhookFetchOptions['resolve']>;
/** DNS that answers `answers[n]` to the n-th question, and counts the questions. */
function dns(...answers: string[][]): Resolve & { asked: number } {
  const resolve = Object.assign(
    ((_hostname, _options, callback) => {
      const addresses = answers[Math.min(resolve.asked, answers.length - 1)] ?? [];
      resolve.asked += 1;
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
    }) as Resolve,
    { asked: 0 },
  );
  return resolve;
}

async function post(options: WebhookFetchOptions, url: string) {
  const client = createWebhookFetch(options);
  try {
    return await postWebhook({
      fetch: client.fetch,
      url,
      secret: 'k'.repeat(16),
      notification: { id: 'n1', scheduledFor: new Date(), userPlantIds: [] } as unknown as Notification,
      attempt: 1,
      now: new Date(),
      timeoutMs: 2_000,
    });
  } finally {
    await client.close();
  }
}

describe('webhook connections', () => {
  it('refuses a host that resolves to a private address, without sending anything, and does not retry', async () => {
    const result = await post({ allowPrivate: false, resolve: dns(['127.0.0.1']) }, `http://hooks.test:${port}/`);
    expect(result).toEqual({
      ok: false,
      retryable: false,
      httpStatus: null,
      error: 'Webhook URL refused: hooks.test resolves to 127.0.0.1, which is a loopback address',
    });
    expect(received).toHaveLength(0);
  });

  it('refuses when any of the addresses a host resolves to is not public', async () => {
    const result = await post(
      { allowPrivate: false, resolve: dns(['93.184.216.34', '::ffff:a9fe:a9fe']) },
      `http://hooks.test:${port}/`,
    );
    expect(result.error).toBe(
      'Webhook URL refused: hooks.test resolves to ::ffff:a9fe:a9fe, which is an IPv4-mapped address (embeds 169.254.169.254)',
    );
  });

  it('refuses an address literal before connecting', async () => {
    const result = await post({ allowPrivate: false }, `http://127.0.0.1:${port}/`);
    expect(result).toMatchObject({ retryable: false, error: 'Webhook URL refused: 127.0.0.1 is a loopback address' });
    expect(received).toHaveLength(0);
  });

  it('resolves once and connects to the address it checked, so DNS answering differently later changes nothing', async () => {
    // The test's policy lets 127.0.0.1 through (it is our receiver) and refuses everything else; the DNS would
    // rebind the name to 10.0.0.1 if it were asked a second time.
    const resolve = dns(['127.0.0.1'], ['10.0.0.1']);
    const result = await post(
      { allowPrivate: false, resolve, addressProblem: (a) => (a === '127.0.0.1' ? null : 'is not the receiver') },
      `http://hooks.test:${port}/hook`,
    );
    expect(result).toEqual({ ok: true, retryable: false, httpStatus: 204, error: null });
    expect(resolve.asked).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]?.host).toBe(`hooks.test:${port}`);
  });

  it('says why a host could not be reached, and retries that later', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const closedPort = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    const closed = await post({ allowPrivate: true }, `http://127.0.0.1:${closedPort}/hook`);
    expect(closed).toEqual({
      ok: false,
      retryable: true,
      httpStatus: null,
      error: 'Could not reach the webhook: fetch failed (ECONNREFUSED)',
    });
  });

  it('reaches local receivers outside production', async () => {
    const result = await post({ allowPrivate: true }, `http://127.0.0.1:${port}/hook`);
    expect(result).toMatchObject({ ok: true, httpStatus: 204 });
  });

  it('finds the refusal behind the error a failed fetch throws', async () => {
    const client = createWebhookFetch({ allowPrivate: false, resolve: dns(['10.0.0.1']) });
    const error = await client.fetch(`http://hooks.test:${port}/`, { method: 'POST' }).catch((e: unknown) => e);
    await client.close();
    expect(refusalOf(error)?.message).toBe('hooks.test resolves to 10.0.0.1, which is a private address');
    expect(refusalOf(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }))).toBeUndefined();
  });
});
