/**
 * Sessions are refresh-token families. Access tokens carry the session id (`sid`) so that ending a session stops its
 * access tokens too: the id goes on the revocation list every verifier checks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { unauthenticated } from '@bloomzy/shared/errors';
import type { User } from '../db/client.js';
import {
  findRefreshToken,
  findSessionOfRefreshToken,
  insertSession,
  liveSessionIdsOfUser,
  markSessionRevoked,
  rotateRefreshToken,
} from '../db/sessions.js';
import type { AuthRuntime } from '../runtime.js';
import { recordAccountUse, spendRefreshAttempt } from './sign-in-limits.js';

const REFRESH_PREFIX = 'bzr_';
/** How long a session stays on the revocation list: longer than any of its access tokens, with a minute of skew. */
export const sessionRevocationSeconds = (config: AuthRuntime['config']) => config.accessTokenTtlSeconds + 60;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  user: User;
}

async function accessToken(runtime: AuthRuntime, user: User, sessionId: string) {
  const now = runtime.clock.now();
  const ttl = runtime.config.accessTokenTtlSeconds;
  const token = await runtime.keys.sign({ sid: sessionId, role: user.role }, user.id, ttl, now);
  return { token, expiresAt: new Date(Math.floor(now.getTime() / 1000) * 1000 + ttl * 1000) };
}

/** Opens a new session for `user` and returns its first token pair. */
export async function startSession(runtime: AuthRuntime, user: User): Promise<IssuedTokens> {
  const refreshToken = REFRESH_PREFIX + randomBytes(32).toString('base64url');
  const now = runtime.clock.now();
  const session = await insertSession(runtime.db, {
    userId: user.id,
    expiresAt: new Date(now.getTime() + runtime.config.refreshTokenTtlDays * 86_400_000),
    tokenHash: hashToken(refreshToken),
  });
  const access = await accessToken(runtime, user, session.id);
  return { accessToken: access.token, refreshToken, expiresAt: access.expiresAt, user };
}

/**
 * Ends a session: first in the database (the source of truth, from which the revocation list is restored after a
 * Redis data loss), then on the revocation list, which also pushes it to every router. Resolves after both, so logout
 * returns only once every verifier refuses the session and the routers have been told to close its connections.
 */
export async function revokeSession(runtime: AuthRuntime, sessionId: string, reason: string): Promise<void> {
  await markSessionRevoked(runtime.db, sessionId, runtime.clock.now(), reason);
  await runtime.revocations.revoke(sessionId, sessionRevocationSeconds(runtime.config));
}

/**
 * Rotates a refresh token. A token may be used once: presenting a used one means it was copied, so the whole family
 * is revoked and the caller (thief or victim) must sign in again. `client` (context.ts) has a budget of refreshes, and
 * one that refreshes a session counts as known to the account (sign-in-limits.ts).
 */
export async function refresh(runtime: AuthRuntime, presented: string, client: string): Promise<IssuedTokens> {
  await spendRefreshAttempt(runtime, client);
  const stored = await findRefreshToken(runtime.db, hashToken(presented));
  if (!stored) throw unauthenticated('Invalid refresh token');
  const { session } = stored;
  const now = runtime.clock.now();
  if (session.revokedAt || session.expiresAt <= now) throw unauthenticated('Session has ended; sign in again');
  if (!session.user.active) throw unauthenticated('Account is deactivated');
  const newToken = REFRESH_PREFIX + randomBytes(32).toString('base64url');
  const rotated = await rotateRefreshToken(runtime.db, {
    id: stored.id,
    sessionId: session.id,
    usedAt: now,
    successorHash: hashToken(newToken),
  });
  if (!rotated) {
    runtime.logger.warn('refresh token reuse detected; revoking session', {
      sessionId: session.id,
      userId: session.userId,
    });
    await revokeSession(runtime, session.id, 'refresh token reuse');
    throw unauthenticated('Refresh token was already used; the session has been revoked');
  }
  await recordAccountUse(runtime, session.user.email, client);
  const access = await accessToken(runtime, session.user, session.id);
  return { accessToken: access.token, refreshToken: newToken, expiresAt: access.expiresAt, user: session.user };
}

/** The session a refresh token belongs to, if it exists. */
export const sessionOfRefreshToken = (runtime: AuthRuntime, presented: string) =>
  findSessionOfRefreshToken(runtime.db, hashToken(presented));

/** Revokes every live session of a user except `keepSessionId`. */
export async function revokeOtherSessions(
  runtime: AuthRuntime,
  userId: string,
  keepSessionId: string | undefined,
  reason: string,
) {
  const sessions = await liveSessionIdsOfUser(runtime.db, userId, runtime.clock.now(), keepSessionId);
  for (const id of sessions) await revokeSession(runtime, id, reason);
}
