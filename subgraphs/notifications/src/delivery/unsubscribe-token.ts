/**
 * The signed token of an email's one-click unsubscribe link (RFC 8058): it names a user and a notification type and
 * needs no login, so it is an HS256 JWT under UNSUBSCRIBE_SECRET, with a purpose claim so no other token of ours can
 * be replayed as one. It expires after a year: mail is read late, but an old forwarded message should not keep working.
 */
import { jwtVerify, SignJWT } from 'jose';
import type { NotificationType } from '../db/client.js';
import { NOTIFICATION_TYPES } from '../domain/user-settings.js';

const PURPOSE = 'bloomzy-unsubscribe';
const VALID_FOR_SECONDS = 365 * 86_400;

export interface UnsubscribeRequest {
  userId: string;
  type: NotificationType;
}

export async function signUnsubscribeToken(
  secret: Uint8Array,
  request: UnsubscribeRequest,
  now: Date,
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ purpose: PURPOSE, type: request.type })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + VALID_FOR_SECONDS)
    .sign(secret);
}

/** The request a token stands for, or null when it is not one of ours (bad signature, expired, malformed). */
export async function verifyUnsubscribeToken(
  secret: Uint8Array,
  token: string,
  now: Date,
): Promise<UnsubscribeRequest | null> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: now });
    const type = NOTIFICATION_TYPES.find((t) => t === payload.type);
    if (payload.purpose !== PURPOSE || !type || typeof payload.sub !== 'string') return null;
    return { userId: payload.sub, type };
  } catch {
    return null;
  }
}
