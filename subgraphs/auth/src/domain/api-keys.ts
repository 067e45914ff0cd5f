/**
 * API keys: `bzk_<prefix>_<secret>`. Only a SHA-256 of the whole key is stored — enough for a 256-bit random secret
 * (a slow password hash buys nothing there and would slow every introspection).
 */
import { randomBytes } from 'node:crypto';
import { SCOPES, type Scope } from '@bloomzy/shared/auth/principal';
import type { IntrospectionResult } from '@bloomzy/shared/auth/verifier';
import { API_KEY_CACHE_SECONDS } from '@bloomzy/shared/auth/verifier';
import { badInput, notFound } from '@bloomzy/shared/errors';
import {
  countActiveApiKeys,
  findApiKeyBySecretHash,
  findApiKeyOfUser,
  insertApiKey,
  listApiKeysOfUser,
  markApiKeyRevoked,
  recordApiKeyUse,
} from '../db/api-keys.js';
import type { ApiKey } from '../db/client.js';
import type { AuthRuntime } from '../runtime.js';
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
  runtime: AuthRuntime,
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
  const active = await countActiveApiKeys(runtime.db, userId);
  if (active >= MAX_KEYS_PER_USER) throw badInput('input', `At most ${MAX_KEYS_PER_USER} active API keys per account`);
  const prefix = randomBytes(4).toString('hex');
  const secret = `bzk_${prefix}_${randomBytes(32).toString('base64url')}`;
  const now = runtime.clock.now();
  const apiKey = await insertApiKey(runtime.db, {
    userId,
    name,
    prefix: `bzk_${prefix}`,
    secretHash: hashToken(secret),
    scopes,
    expiresAt: days != null ? new Date(now.getTime() + days * 86_400_000) : null,
  });
  return { apiKey, secret };
}

export const listApiKeys = (runtime: AuthRuntime, userId: string) => listApiKeysOfUser(runtime.db, userId);

/** How long a revoked key stays on the revocation list: until no verifier's cached introspection can name it. */
export const API_KEY_REVOCATION_SECONDS = API_KEY_CACHE_SECONDS + 60;

export async function revokeApiKey(runtime: AuthRuntime, userId: string, id: string): Promise<ApiKey> {
  const key = await findApiKeyOfUser(runtime.db, userId, id);
  if (!key) throw notFound('API key');
  const revoked = key.revokedAt ? key : await markApiKeyRevoked(runtime.db, id, runtime.clock.now());
  // Verifiers cache introspection results; the revocation list overrides their cache at once.
  await runtime.revocations.revoke(id, API_KEY_REVOCATION_SECONDS);
  return revoked;
}

/** Answers "who is this key?" for the other services' verifiers; records the use. */
export async function introspectApiKey(runtime: AuthRuntime, key: string): Promise<IntrospectionResult> {
  const stored = await findApiKeyBySecretHash(runtime.db, hashToken(key));
  const now = runtime.clock.now();
  if (!stored || stored.revokedAt || (stored.expiresAt && stored.expiresAt <= now) || !stored.user.active)
    return { active: false };
  if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await recordApiKeyUse(runtime.db, stored.id, now);
  }
  return { active: true, userId: stored.userId, role: stored.user.role, apiKeyId: stored.id, scopes: stored.scopes };
}
