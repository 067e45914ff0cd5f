/**
 * Which push subscriptions we accept. The endpoint is a URL this service will POST to, so it passes the webhook URL
 * rules (domain/webhook-url.ts: https and a public host in production; any http(s) URL outside production, which is
 * how tests use a local push service). The keys must be what a browser makes: a P-256 public key (65 bytes,
 * uncompressed) and a 16-byte secret, base64url, or encryption would fail at every send.
 */
import { badInput } from '@bloomzy/shared/errors';
import { webhookUrlProblem } from './webhook-url.js';

export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

const decodedLength = (value: string): number | null =>
  BASE64URL.test(value) ? Buffer.from(value.replace(/=+$/, ''), 'base64url').length : null;

/** The input, trimmed; BAD_USER_INPUT naming the field when it cannot be a browser's subscription. */
export function checkPushSubscription(input: PushSubscriptionInput, allowPrivate: boolean): PushSubscriptionInput {
  const endpoint = input.endpoint.trim();
  const problem = webhookUrlProblem(endpoint, allowPrivate);
  if (problem) throw badInput('input.endpoint', `endpoint ${problem}`);
  const p256dh = input.keys.p256dh.trim();
  const auth = input.keys.auth.trim();
  const key = decodedLength(p256dh) === 65 ? Buffer.from(p256dh.replace(/=+$/, ''), 'base64url') : null;
  if (!key || key[0] !== 4) {
    throw badInput('input.keys.p256dh', 'p256dh must be an uncompressed P-256 public key (65 bytes, base64url)');
  }
  if (decodedLength(auth) !== 16) throw badInput('input.keys.auth', 'auth must be a 16-byte secret (base64url)');
  return { endpoint, keys: { p256dh, auth } };
}
