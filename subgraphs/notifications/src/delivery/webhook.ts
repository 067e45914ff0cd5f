/**
 * The WEBHOOK channel: one signed HTTP POST per attempt. Retries are not done here (no sleeping while holding a
 * claim): a retryable failure is rescheduled by the dispatcher after `retryDelayMs(attempt)`.
 *
 * Signature: `X-Bloomzy-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Bloomzy-Timestamp>.<raw body>")>`. Signing the
 * timestamp lets receivers refuse replays of old requests; `X-Bloomzy-Delivery` (the notification id) stays the same
 * across retries so receivers can drop a repeat.
 */
import { createHmac } from 'node:crypto';
import type { Notification } from '../db/client.js';
import { refusalOf } from './webhook-fetch.js';

/** Attempts in total; the waits between them are 1 s, 4 s and 16 s. */
export const MAX_WEBHOOK_ATTEMPTS = 4;
export const retryDelayMs = (attempt: number): number => 1_000 * 4 ** Math.max(0, attempt - 1);

export const signatureOf = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

export interface WebhookResult {
  ok: boolean;
  /** Worth trying again later: network errors, timeouts, 408, 429 and 5xx. */
  retryable: boolean;
  httpStatus: number | null;
  error: string | null;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function webhookBody(n: Notification, deliveredAt: Date): string {
  return JSON.stringify({
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    priority: n.priority,
    userPlantId: n.userPlantId,
    userPlantIds: n.userPlantIds,
    scheduledFor: n.scheduledFor.toISOString(),
    deliveredAt: deliveredAt.toISOString(),
  });
}

/** fetch's own message is just "fetch failed"; the cause says why (ENOTFOUND, ECONNREFUSED, a TLS error...). */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return `${(error as Error).message} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

export async function postWebhook(options: {
  fetch: FetchLike;
  url: string;
  secret: string;
  notification: Notification;
  attempt: number;
  now: Date;
  timeoutMs: number;
}): Promise<WebhookResult> {
  const body = webhookBody(options.notification, options.now);
  const timestamp = String(Math.floor(options.now.getTime() / 1000));
  try {
    const response = await options.fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Bloomzy-Webhooks/1',
        'x-bloomzy-delivery': options.notification.id,
        'x-bloomzy-attempt': String(options.attempt),
        'x-bloomzy-timestamp': timestamp,
        'x-bloomzy-signature': signatureOf(options.secret, timestamp, body),
      },
      body,
      // A redirect could bounce us to an internal address the URL check never saw.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    if (status >= 200 && status < 300) return { ok: true, retryable: false, httpStatus: status, error: null };
    const retryable = status === 408 || status === 429 || status >= 500;
    return { ok: false, retryable, httpStatus: status, error: `Webhook answered HTTP ${status}` };
  } catch (error) {
    // Where the host resolved is not public: as final as a bad URL (delivery/webhook-fetch.ts).
    const refused = refusalOf(error);
    if (refused)
      return { ok: false, retryable: false, httpStatus: null, error: `Webhook URL refused: ${refused.message}` };
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const message = timedOut
      ? `No answer within ${options.timeoutMs} ms`
      : `Could not reach the webhook: ${reasonOf(error)}`;
    return { ok: false, retryable: true, httpStatus: null, error: message.slice(0, 500) };
  }
}
