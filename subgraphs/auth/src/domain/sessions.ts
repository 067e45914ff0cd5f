/**
 * Sessions are refresh-token families. Access tokens carry the session id (`sid`) so that ending a session stops its
 * access tokens too: the id goes on the revocation list every verifier checks.
 */
import { createHash, randomBytes } from 'node:crypto';
import { unauthenticated } from '@bloomzy/shared/errors';
import type { User } from '../db/client.js';
import type { AuthDeps } from './deps.js';

const REFRESH_PREFIX = 'bzr_';
// Revocation must outlive any access token of the session, with a minute of clock skew.
const revocationTtl = (deps: AuthDeps) => deps.config.accessTokenTtlSeconds + 60;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  user: User;
}

async function accessToken(deps: AuthDeps, user: User, sessionId: string) {
  const now = deps.clock.now();
  const ttl = deps.config.accessTokenTtlSeconds;
  const token = await deps.keys.sign({ sid: sessionId, role: user.role }, user.id, ttl, now);
  return { token, expiresAt: new Date(Math.floor(now.getTime() / 1000) * 1000 + ttl * 1000) };
}

/** Opens a new session for `user` and returns its first token pair. */
export async function startSession(deps: AuthDeps, user: User): Promise<IssuedTokens> {
  const refreshToken = REFRESH_PREFIX + randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const session = await deps.db.session.create({
    data: {
      userId: user.id,
      expiresAt: new Date(now.getTime() + deps.config.refreshTokenTtlDays * 86_400_000),
      tokens: { create: { tokenHash: hashToken(refreshToken) } },
    },
  });
  const access = await accessToken(deps, user, session.id);
  return { accessToken: access.token, refreshToken, expiresAt: access.expiresAt, user };
}

export async function revokeSession(deps: AuthDeps, sessionId: string, reason: string): Promise<void> {
  await deps.db.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: deps.clock.now(), revokeReason: reason },
  });
  await deps.revocations.revoke(sessionId, revocationTtl(deps));
}

/**
 * Rotates a refresh token. A token may be used once: presenting a used one means it was copied, so the whole family
 * is revoked and the caller (thief or victim) must sign in again.
 */
export async function refresh(deps: AuthDeps, presented: string): Promise<IssuedTokens> {
  const stored = await deps.db.refreshToken.findUnique({
    where: { tokenHash: hashToken(presented) },
    include: { session: { include: { user: true } } },
  });
  if (!stored) throw unauthenticated('Invalid refresh token');
  const { session } = stored;
  const now = deps.clock.now();
  if (session.revokedAt || session.expiresAt <= now) throw unauthenticated('Session has ended; sign in again');
  if (!session.user.active) throw unauthenticated('Account is deactivated');
  const newToken = REFRESH_PREFIX + randomBytes(32).toString('base64url');
  // Mark-used and insert the successor atomically; the usedAt guard makes two concurrent uses a detected reuse.
  const rotated = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.refreshToken.updateMany({
      where: { id: stored.id, usedAt: null },
      data: { usedAt: now },
    });
    if (count === 0) return false;
    await tx.refreshToken.create({ data: { sessionId: session.id, tokenHash: hashToken(newToken) } });
    return true;
  });
  if (!rotated) {
    deps.logger.warn('refresh token reuse detected; revoking session', {
      sessionId: session.id,
      userId: session.userId,
    });
    await revokeSession(deps, session.id, 'refresh token reuse');
    throw unauthenticated('Refresh token was already used; the session has been revoked');
  }
  const access = await accessToken(deps, session.user, session.id);
  return { accessToken: access.token, refreshToken: newToken, expiresAt: access.expiresAt, user: session.user };
}

/** The session a refresh token belongs to, if it exists. */
export async function sessionOfRefreshToken(deps: AuthDeps, presented: string) {
  const stored = await deps.db.refreshToken.findUnique({
    where: { tokenHash: hashToken(presented) },
    include: { session: true },
  });
  return stored?.session ?? null;
}

/** Revokes every live session of a user except `keepSessionId`. */
export async function revokeOtherSessions(
  deps: AuthDeps,
  userId: string,
  keepSessionId: string | undefined,
  reason: string,
) {
  const sessions = await deps.db.session.findMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: deps.clock.now() },
      ...(keepSessionId ? { NOT: { id: keepSessionId } } : {}),
    },
    select: { id: true },
  });
  for (const { id } of sessions) await revokeSession(deps, id, reason);
}
