/** Reads and writes of API keys, stored by the SHA-256 of their secret. */
import type { AuthDb, Prisma } from './client.js';

export const countActiveApiKeys = (db: AuthDb, userId: string) =>
  db.apiKey.count({ where: { userId, revokedAt: null } });

export const insertApiKey = (db: AuthDb, data: Prisma.ApiKeyUncheckedCreateInput) => db.apiKey.create({ data });

/** A user's keys, newest first, revoked and expired ones included. */
export const listApiKeysOfUser = (db: AuthDb, userId: string) =>
  db.apiKey.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });

/** The key `id` if `userId` owns it; null otherwise, also for an id that is not a UUID. */
export const findApiKeyOfUser = (db: AuthDb, userId: string, id: string) =>
  db.apiKey.findFirst({ where: { id, userId } }).catch(() => null);

export const markApiKeyRevoked = (db: AuthDb, id: string, at: Date) =>
  db.apiKey.update({ where: { id }, data: { revokedAt: at } });

/** The key with this secret hash, with its owner. */
export const findApiKeyBySecretHash = (db: AuthDb, secretHash: string) =>
  db.apiKey.findUnique({ where: { secretHash }, include: { user: true } });

export const recordApiKeyUse = (db: AuthDb, id: string, at: Date) =>
  db.apiKey.update({ where: { id }, data: { lastUsedAt: at } });

/** API keys revoked at or after `since`, with when (the revocation list is restored from these). */
export const apiKeysRevokedSince = (db: AuthDb, since: Date) =>
  db.apiKey.findMany({ where: { revokedAt: { gte: since } }, select: { id: true, revokedAt: true } });
