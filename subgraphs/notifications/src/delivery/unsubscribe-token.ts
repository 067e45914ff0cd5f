/**
 * The signed token of an email's one-click unsubscribe link (RFC 8058): it names a user and the notification types
 * the email was sent for (one, or several for a digest) and needs no login, so it is an HS256 JWT under
 * UNSUBSCRIBE_SECRET, with a purpose claim so no other token of ours can be replayed as one. It expires after a year:
 * mail is read late, but an old forwarded message should not keep working.
 *
 * Claims: `type` for one type (the only format before digests were emailed per task, so links in mail already sent
 * keep working, and an instance still on that version reads new single-type links during a rolling deploy); `types`
 * for several.
 */
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { NotificationType } from '../db/client.js';
import { NOTIFICATION_TYPES } from '../domain/user-settings.js';

const PURPOSE = 'bloomzy-unsubscribe';
const VALID_FOR_SECONDS = 365 * 86_400;

export interface UnsubscribeRequest {
  userId: string;
  /** Distinct, at least one. */
  types: NotificationType[];
}

const knownType = (value: unknown): NotificationType | undefined => NOTIFICATION_TYPES.find((t) => t === value);

/** Throws a RangeError for an empty `types` (a link that unsubscribes from nothing is a bug). */
export async function signUnsubscribeToken(
  secret: Uint8Array,
  request: UnsubscribeRequest,
  now: Date,
): Promise<string> {
  const types = [...new Set(request.types)];
  if (types.length === 0) throw new RangeError('An unsubscribe token needs at least one notification type');
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ purpose: PURPOSE, ...(types.length === 1 ? { type: types[0] } : { types }) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + VALID_FOR_SECONDS)
    .sign(secret);
}

/** The types of a payload in either format; null when a type is unknown or none is named. */
function typesOf(payload: JWTPayload): NotificationType[] | null {
  const claimed: unknown[] = Array.isArray(payload.types) ? payload.types : [payload.type];
  const types = claimed.map(knownType);
  if (types.length === 0 || types.some((t) => t === undefined)) return null;
  return [...new Set(types as NotificationType[])];
}

/** The request a token stands for, or null when it is not one of ours (bad signature, expired, malformed). */
export async function verifyUnsubscribeToken(
  secret: Uint8Array,
  token: string,
  now: Date,
): Promise<UnsubscribeRequest | null> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: now });
    const types = typesOf(payload);
    if (payload.purpose !== PURPOSE || !types || typeof payload.sub !== 'string') return null;
    return { userId: payload.sub, types };
  } catch {
    return null;
  }
}
