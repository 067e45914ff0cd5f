import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../db/client.js';
import { postWebhook, retryDelayMs, signatureOf, type FetchLike } from './webhook.js';

const notification = {
  id: '00000000-0000-4000-8000-000000000001',
  type: 'WATERING_REMINDER',
  title: 'Monty needs water today',
  body: 'It is watering day.',
  priority: 5,
  userPlantId: null,
  userPlantIds: [],
  scheduledFor: new Date('2026-05-01T09:00:00Z'),
} as unknown as Notification;

describe('webhook channel', () => {
  it('backs off 1 s, 4 s, 16 s', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([1_000, 4_000, 16_000]);
  });

  it('signs timestamp and body with HMAC-SHA256, as documented for receivers', async () => {
    let seen: { headers: Record<string, string>; body: string } | undefined;
    const fetch: FetchLike = async (_url, init) => {
      seen = { headers: init.headers as Record<string, string>, body: String(init.body) };
      return new Response(null, { status: 204 });
    };
    const result = await postWebhook({
      fetch,
      url: 'https://x.example/',
      secret: 's3cret-s3cret-s3cret',
      notification,
      attempt: 1,
      now: new Date('2026-05-01T09:00:05Z'),
      timeoutMs: 1000,
    });
    expect(result).toEqual({ ok: true, retryable: false, httpStatus: 204, error: null });
    const { headers, body } = seen ?? { headers: {}, body: '' };
    expect(headers['x-bloomzy-timestamp']).toBe('1777626005');
    const expected = createHmac('sha256', 's3cret-s3cret-s3cret').update(`1777626005.${body}`).digest('hex');
    expect(headers['x-bloomzy-signature']).toBe(`sha256=${expected}`);
    expect(signatureOf('other-secret-xxxxxxx', '1777626005', body)).not.toBe(headers['x-bloomzy-signature']);
    expect(JSON.parse(body)).toMatchObject({ id: notification.id, title: 'Monty needs water today' });
  });

  it('retries server errors and network failures, not client errors', async () => {
    const answer =
      (status: number): FetchLike =>
      async () =>
        new Response(null, { status });
    const base = {
      url: 'https://x.example/',
      secret: 'k'.repeat(16),
      notification,
      attempt: 1,
      now: new Date(),
      timeoutMs: 1000,
    };
    expect(await postWebhook({ ...base, fetch: answer(503) })).toMatchObject({
      ok: false,
      retryable: true,
      httpStatus: 503,
    });
    expect(await postWebhook({ ...base, fetch: answer(429) })).toMatchObject({ retryable: true });
    expect(await postWebhook({ ...base, fetch: answer(404) })).toMatchObject({
      ok: false,
      retryable: false,
      httpStatus: 404,
    });
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await postWebhook({ ...base, fetch: down })).toMatchObject({ ok: false, retryable: true, httpStatus: null });
  });
});
