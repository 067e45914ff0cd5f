/** Unsubscribe tokens: only ours, unexpired and for an unsubscribe are accepted. */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const secret = new TextEncoder().encode('an-unsubscribe-secret-of-at-least-32-bytes');
const other = new TextEncoder().encode('another-secret-of-at-least-thirty-two-bytes');
const now = new Date('2026-03-02T06:00:00Z');
const request = { userId: '6f1c1d8e-8a4b-4c51-9d7e-6f1c1d8e8a4b', type: 'WATERING_REMINDER' as const };

describe('unsubscribe tokens', () => {
  it('round-trips the user and type', async () => {
    const token = await signUnsubscribeToken(secret, request, now);
    expect(await verifyUnsubscribeToken(secret, token, now)).toEqual(request);
  });

  it('refuses another secret, a tampered token, an expired one and a JWT with another purpose', async () => {
    const token = await signUnsubscribeToken(secret, request, now);
    expect(await verifyUnsubscribeToken(other, token, now)).toBeNull();
    expect(await verifyUnsubscribeToken(secret, `${token.slice(0, -2)}xx`, now)).toBeNull();
    expect(await verifyUnsubscribeToken(secret, token, new Date(now.getTime() + 366 * 86_400_000))).toBeNull();
    const access = await new SignJWT({ type: 'WATERING_REMINDER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(request.userId)
      .sign(secret);
    expect(await verifyUnsubscribeToken(secret, access, now)).toBeNull();
    expect(await verifyUnsubscribeToken(secret, '', now)).toBeNull();
  });
});
