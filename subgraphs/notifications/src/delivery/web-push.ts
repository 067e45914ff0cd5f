/**
 * The WEB_PUSH channel: one RFC 8030 push message per subscription, its payload encrypted for the browser's keys
 * (RFC 8291, aes128gcm) and signed with our VAPID key (RFC 8292). The web-push package builds the request (encryption
 * and the VAPID JWT); we send it with the webhook client (delivery/webhook-fetch.ts), so a push endpoint gets the
 * same guard against internal addresses as a webhook, checked at the address the connection really goes to.
 */
import webpush from 'web-push';
import type { WebPushConfig } from '../config.js';
import type { Notification, PushSubscription } from '../db/client.js';
import type { AttemptResult } from './retry.js';
import { refusalOf } from './webhook-fetch.js';
import type { FetchLike } from './webhook.js';

/** How long a push service keeps an undelivered message for an offline browser: a reminder is stale after a day. */
const TTL_SECONDS = 86_400;

export interface PushResult extends AttemptResult {
  /** The push service says the subscription no longer exists (404, 410): it is removed. */
  gone: boolean;
}

/** The JSON a service worker's `push` event receives (`event.data.json()`). */
function pushPayload(n: Notification): string {
  return JSON.stringify({
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    userPlantId: n.userPlantId,
    userPlantIds: n.userPlantIds,
  });
}

export async function sendWebPush(options: {
  fetch: FetchLike;
  config: WebPushConfig;
  subscription: Pick<PushSubscription, 'endpoint' | 'p256dh' | 'auth'>;
  notification: Notification;
  timeoutMs: number;
}): Promise<PushResult> {
  const { subscription, notification, config } = options;
  let details: ReturnType<typeof webpush.generateRequestDetails>;
  try {
    details = webpush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      pushPayload(notification),
      {
        vapidDetails: { subject: config.subject, publicKey: config.publicKey, privateKey: config.privateKey },
        TTL: TTL_SECONDS,
        urgency: notification.priority >= 8 ? 'high' : 'normal',
        contentEncoding: 'aes128gcm',
      },
    );
  } catch (error) {
    // Keys the browser never could have made (checked at registration, so only a changed VAPID key gets here).
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, retryable: false, gone: false, httpStatus: null, error: `Web push: ${message}`.slice(0, 500) };
  }
  const headers = Object.fromEntries(
    Object.entries(details.headers)
      .filter(([name]) => name.toLowerCase() !== 'content-length')
      .map(([name, value]) => [name, String(value)]),
  );
  try {
    const response = await options.fetch(details.endpoint, {
      method: details.method,
      headers,
      body: details.body ?? null,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    if (status >= 200 && status < 300)
      return { ok: true, retryable: false, gone: false, httpStatus: status, error: null };
    const gone = status === 404 || status === 410;
    const retryable = status === 429 || status >= 500;
    return { ok: false, retryable, gone, httpStatus: status, error: `Push service answered HTTP ${status}` };
  } catch (error) {
    const refused = refusalOf(error);
    if (refused) {
      return {
        ok: false,
        retryable: false,
        gone: false,
        httpStatus: null,
        error: `Push endpoint refused: ${refused.message}`,
      };
    }
    const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const reason = typeof cause === 'string' ? `${message} (${cause})` : message;
    return {
      ok: false,
      retryable: true,
      gone: false,
      httpStatus: null,
      error: `Could not reach the push service: ${reason}`.slice(0, 500),
    };
  }
}
