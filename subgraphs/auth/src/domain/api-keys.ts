/**
 * API keys: `bzk_<prefix>_<secret>`. Only a SHA-256 of the whole key is stored — enough for a 256-bit random secret
 * (a slow password hash buys nothing there and would slow every introspection).
 */
import { randomBytes } from 'node:crypto';
import { SCOPES, type Scope } from '@bloomzy/shared/auth/principal';
import type { IntrospectionResult } from '@bloomzy/shared/auth/verifier';
import { API_KEY_CACHE_SECONDS } from '@bloomzy/shared/auth/verifier';
import { badInput, notFound } from '@bloomzy/shared/errors';
import type { ApiKey } from '../db/client.js';
import type { AuthDeps } from './deps.js';
import { hashToken } from './sessions.js';

const MAX_KEYS_PER_USER = 50;
// Recording every use would write on every request; a minute's precision is what a "last used" column needs.
const LAST_USED_PRECISION_MS = 60_000;

export interface CreateApiKeyInput {
  name: string;
  scopes: Scope[];
  expiresInDays?: number | null;
}

export async function createApiKey(
  deps: AuthDeps,
  userId: string,
  input: CreateApiKeyInput,
): Promise<{ apiKey: ApiKey; secret: string }> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100) throw badInput('input.name', 'Name must be 1–100 characters');
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badInput('input.scopes', 'At least one scope is required');
  if (scopes.some((s) => !SCOPES.includes(s))) throw badInput('input.scopes', 'Unknown scope');
  const days = input.expiresInDays;
  if (days != null && (!Number.isInteger(days) || days < 1 || days > 3650)) {
    throw badInput('input.expiresInDays', 'Must be between 1 and 3650 days');
  }
  const active = await deps.db.apiKey.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_KEYS_PER_USER) throw badInput('input', `At most ${MAX_KEYS_PER_USER} active API keys per account`);
  const prefix = randomBytes(4).toString('hex');
  const secret = `bzk_${prefix}_${randomBytes(32).toString('base64url')}`;
  const now = deps.clock.now();
  const apiKey = await deps.db.apiKey.create({
    data: {
      userId,
      name,
      prefix: `bzk_${prefix}`,
      secretHash: hashToken(secret),
      scopes,
      expiresAt: days != null ? new Date(now.getTime() + days * 86_400_000) : null,
    },
  });
  return { apiKey, secret };
}

export const listApiKeys = (deps: AuthDeps, userId: string) =>
  deps.db.apiKey.findMany({ where: { userId }, orderBy: { createdAt: 'desc' } });

export async function revokeApiKey(deps: AuthDeps, userId: string, id: string): Promise<ApiKey> {
  const key = await deps.db.apiKey.findFirst({ where: { id, userId } }).catch(() => null);
  if (!key) throw notFound('API key');
  const revoked = key.revokedAt
    ? key
    : await deps.db.apiKey.update({ where: { id }, data: { revokedAt: deps.clock.now() } });
  // Verifiers cache introspection results; the revocation list overrides their cache at once.
  await deps.revocations.revoke(id, API_KEY_CACHE_SECONDS + 60);
  return revoked;
}

/** Answers "who is this key?" for the other services' verifiers; records the use. */
export async function introspectApiKey(deps: AuthDeps, key: string): Promise<IntrospectionResult> {
  const stored = await deps.db.apiKey.findUnique({ where: { secretHash: hashToken(key) }, include: { user: true } });
  const now = deps.clock.now();
  if (!stored || stored.revokedAt || (stored.expiresAt && stored.expiresAt <= now) || !stored.user.active)
    return { active: false };
  if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await deps.db.apiKey.update({ where: { id: stored.id }, data: { lastUsedAt: now } });
  }
  return { active: true, userId: stored.userId, role: stored.user.role, apiKeyId: stored.id, scopes: stored.scopes };
}
