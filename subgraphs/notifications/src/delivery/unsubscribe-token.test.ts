/** Unsubscribe tokens: only ours, unexpired and for an unsubscribe are accepted; links in mail already sent still work. */
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const secret = new TextEncoder().encode('an-unsubscribe-secret-of-at-least-32-bytes');
const other = new TextEncoder().encode('another-secret-of-at-least-thirty-two-bytes');
const now = new Date('2026-03-02T06:00:00Z');
const userId = '6f1c1d8e-8a4b-4c51-9d7e-6f1c1d8e8a4b';
const request = { userId, types: ['WATERING_REMINDER' as const] };

describe('unsubscribe tokens', () => {
  it('round-trips the user and type', async () => {
    const token = await signUnsubscribeToken(secret, request, now);
    expect(await verifyUnsubscribeToken(secret, token, now)).toEqual(request);
  });

  it('round-trips the several types of a digest, and keeps the single-type claim of earlier tokens for one', async () => {
    const digest = { userId, types: ['WATERING_REMINDER' as const, 'FERTILIZING_REMINDER' as const] };
    const token = await signUnsubscribeToken(secret, digest, now);
    expect(await verifyUnsubscribeToken(secret, token, now)).toEqual(digest);
    expect(decodeJwt(await signUnsubscribeToken(secret, request, now))).toMatchObject({ type: 'WATERING_REMINDER' });
    await expect(signUnsubscribeToken(secret, { userId, types: [] }, now)).rejects.toThrow(RangeError);
  });

  it('still accepts a token signed before digests named several types', async () => {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const old = await new SignJWT({ purpose: 'bloomzy-unsubscribe', type: 'FERTILIZING_REMINDER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 365 * 86_400)
      .sign(secret);
    expect(await verifyUnsubscribeToken(secret, old, now)).toEqual({ userId, types: ['FERTILIZING_REMINDER'] });
  });

  it('refuses a token naming an unknown type or none', async () => {
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT({ purpose: 'bloomzy-unsubscribe', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setExpirationTime(Math.floor(now.getTime() / 1000) + 60)
        .sign(secret);
    for (const claims of [{ types: ['WATERING_REMINDER', 'NOPE'] }, { types: [] }, { type: 'NOPE' }, {}]) {
      expect(await verifyUnsubscribeToken(secret, await signed(claims), now), JSON.stringify(claims)).toBeNull();
    }
  });

  it('refuses another secret, a tampered token, an expired one and a JWT with another purpose', async () => {
    const token = await signUnsubscribeToken(secret, request, now);
    expect(await verifyUnsubscribeToken(other, token, now)).toBeNull();
    expect(await verifyUnsubscribeToken(secret, `${token.slice(0, -2)}xx`, now)).toBeNull();
    expect(await verifyUnsubscribeToken(secret, token, new Date(now.getTime() + 366 * 86_400_000))).toBeNull();
    const access = await new SignJWT({ type: 'WATERING_REMINDER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .sign(secret);
    expect(await verifyUnsubscribeToken(secret, access, now)).toBeNull();
    expect(await verifyUnsubscribeToken(secret, '', now)).toBeNull();
  });
});
