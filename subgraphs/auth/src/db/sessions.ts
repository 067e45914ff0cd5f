/** Reads and writes of sessions and their refresh tokens (a session is one refresh-token family). */
import type { AuthDb } from './client.js';

/** A new session whose first refresh token has the hash `tokenHash`. */
export const insertSession = (db: AuthDb, data: { userId: string; expiresAt: Date; tokenHash: string }) =>
  db.session.create({
    data: { userId: data.userId, expiresAt: data.expiresAt, tokens: { create: { tokenHash: data.tokenHash } } },
  });

/** Marks the session revoked unless it already is (the first reason stays). */
export const markSessionRevoked = (db: AuthDb, id: string, at: Date, reason: string) =>
  db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at, revokeReason: reason } });

/** Ids of a user's sessions neither revoked nor expired at `now`, except `exceptId`. */
export async function liveSessionIdsOfUser(
  db: AuthDb,
  userId: string,
  now: Date,
  exceptId: string | undefined,
): Promise<string[]> {
  const sessions = await db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  return sessions.map(({ id }) => id);
}

/** The refresh token with this hash, with its session and the session's user. */
export const findRefreshToken = (db: AuthDb, tokenHash: string) =>
  db.refreshToken.findUnique({ where: { tokenHash }, include: { session: { include: { user: true } } } });

/** The session of the refresh token with this hash, or null. */
export async function findSessionOfRefreshToken(db: AuthDb, tokenHash: string) {
  const stored = await db.refreshToken.findUnique({ where: { tokenHash }, include: { session: true } });
  return stored?.session ?? null;
}

/**
 * Marks refresh token `id` used at `usedAt` and adds its successor to the session, atomically. Returns false (and
 * writes nothing) when the token was already used: the usedAt guard makes two concurrent uses a detected reuse.
 */
export function rotateRefreshToken(
  db: AuthDb,
  rotation: { id: string; sessionId: string; usedAt: Date; successorHash: string },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.refreshToken.updateMany({
      where: { id: rotation.id, usedAt: null },
      data: { usedAt: rotation.usedAt },
    });
    if (count === 0) return false;
    await tx.refreshToken.create({ data: { sessionId: rotation.sessionId, tokenHash: rotation.successorHash } });
    return true;
  });
}

/** Sessions revoked at or after `since`, with when (the revocation list is restored from these). */
export const sessionsRevokedSince = (db: AuthDb, since: Date) =>
  db.session.findMany({ where: { revokedAt: { gte: since } }, select: { id: true, revokedAt: true } });
