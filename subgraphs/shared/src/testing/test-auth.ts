/**
 * Access tokens for subgraph integration tests, signed by a throw-away key pair exactly as the auth service signs
 * them, with a verifier over the same key set: subgraphs are tested through their real verification path.
 */
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Role } from '../auth/principal.js';
import { MemoryRevocationStore, type RevocationStore } from '../auth/revocations.js';
import {
  createCredentialVerifier,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type CredentialVerifier,
  type IntrospectionResult,
} from '../auth/verifier.js';

export interface TestAuth {
  verifier: CredentialVerifier;
  revocations: RevocationStore;
  /** A valid access token for `userId`; `sessionId` defaults to a fresh one. */
  token(userId: string, options?: { role?: Role; sessionId?: string; ttlSeconds?: number }): Promise<string>;
  /** `{ authorization: 'Bearer …' }` for a new random user (or the given one). */
  headers(userId?: string, role?: Role): Promise<{ authorization: string; userId: string }>;
  /** Registers an API key the verifier will accept. */
  addApiKey(key: string, result: IntrospectionResult): void;
}

export async function createTestAuth(revocations: RevocationStore = new MemoryRevocationStore()): Promise<TestAuth> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256' }] };
  const apiKeys = new Map<string, IntrospectionResult>();
  const verifier = createCredentialVerifier({
    jwks: createLocalJWKSet(jwks),
    apiKeyIntrospection: async (key) => apiKeys.get(key) ?? { active: false },
    revocations,
  });
  const token: TestAuth['token'] = async (userId, options = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ sid: options.sessionId ?? randomUUID(), role: options.role ?? 'USER' })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject(userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.ttlSeconds ?? 900))
      .sign(privateKey);
  };
  return {
    verifier,
    revocations,
    token,
    headers: async (userId = randomUUID(), role = 'USER') => ({
      authorization: `Bearer ${await token(userId, { role })}`,
      userId,
    }),
    addApiKey: (key, result) => apiKeys.set(key, result),
  };
}
