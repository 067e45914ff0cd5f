/**
 * Verifies credentials without calling auth for every request: access tokens are checked locally against the JWKS
 * (fetched once and refreshed when an unknown `kid` appears, so key rotation needs no restart); API keys are
 * introspected at the auth service and cached briefly. Both are checked against the revocation list on every request,
 * so logout and key revocation take effect at once.
 */
import { createHash } from 'node:crypto';
import {
  createRemoteJWKSet,
  customFetch,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { serviceUnavailable, unauthenticated } from '../errors.js';
import { readCredential, type Credential } from './credentials.js';
import { SCOPES, type Principal, type Role, type Scope } from './principal.js';
import { RevocationListIncomplete, type RevocationStore } from './revocations.js';
import type { ServiceCredentials } from './service-credential.js';

export const TOKEN_ISSUER = 'bloomzy-auth';
export const TOKEN_AUDIENCE = 'bloomzy';
/**
 * The audience of service credentials sent to the token issuer's JWKS and introspection endpoints: callers know the
 * issuer by its URL (AUTH_URL), not by its subgraph name.
 */
export const CREDENTIAL_ENDPOINTS_AUDIENCE = 'bloomzy-credentials';
/** How long an API key introspection result is reused; revocation bypasses it through the revocation list. */
export const API_KEY_CACHE_SECONDS = 30;
/** How long a verified access token is taken as verified without checking its signature again (see verifyToken). */
const VERIFIED_TOKEN_CACHE_SECONDS = 30;

export interface VerifierOptions {
  /** Key set: the auth service's JWKS URL, or a key getter (auth verifies with its own keys). */
  jwks: string | JWTVerifyGetKey;
  /** Auth's API-key introspection endpoint, or (inside auth) the introspection function itself. */
  apiKeyIntrospection: string | ((key: string) => Promise<IntrospectionResult>);
  revocations: RevocationStore;
  /** Signs the requests to a remote JWKS and introspection endpoint (the issuer answers only Bloomzy services). */
  serviceCredentials?: ServiceCredentials | undefined;
}

export interface CredentialVerifier {
  /** The caller behind these headers; null without credentials; throws UNAUTHENTICATED for bad ones. */
  verifyHeaders(headers: Parameters<typeof readCredential>[0]): Promise<Principal | null>;
  verify(credential: Credential): Promise<Principal>;
}

export interface IntrospectionResult {
  active: boolean;
  userId?: string;
  role?: Role;
  apiKeyId?: string;
  scopes?: string[];
}

export function createCredentialVerifier(options: VerifierOptions): CredentialVerifier {
  const signed = async () =>
    (await options.serviceCredentials?.headersFor(CREDENTIAL_ENDPOINTS_AUDIENCE)) ?? ({} as Record<string, string>);
  const getKey =
    typeof options.jwks === 'string'
      ? createRemoteJWKSet(new URL(options.jwks), {
          // A token lives 60 s, so it cannot be one of the key set's fixed `headers`: each fetch signs its own.
          [customFetch]: async (url, init) => {
            const headers = new Headers(init.headers);
            for (const [name, value] of Object.entries(await signed())) headers.set(name, value);
            return fetch(url, { ...init, headers });
          },
        })
      : options.jwks;
  const source = options.apiKeyIntrospection;
  const introspectRemote =
    typeof source === 'function'
      ? source
      : async (key: string): Promise<IntrospectionResult> => {
          const response = await fetch(source, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(await signed()) },
            body: JSON.stringify({ key }),
          });
          if (!response.ok) throw new Error(`API key introspection failed with HTTP ${response.status}`);
          return (await response.json()) as IntrospectionResult;
        };
  // Bounded, so a flood of bogus keys cannot grow memory; an entry is reused for API_KEY_CACHE_SECONDS at most.
  const apiKeyCache = new LRUCache<string, IntrospectionResult>({ max: 10_000, ttl: API_KEY_CACHE_SECONDS * 1000 });

  /** The revocation list's answer; while it is being restored after a Redis data loss, a retryable refusal. */
  async function isRevoked(id: string): Promise<boolean> {
    try {
      return await options.revocations.isRevoked(id);
    } catch (error) {
      if (error instanceof RevocationListIncomplete) throw serviceUnavailable(error.message);
      throw error;
    }
  }

  // Tokens whose signature and claims checked out, by token text: a client sends the same access token with every
  // request, and each request reaches the router and several subgraphs, each of which would otherwise verify the
  // ES256 signature again. Entries last VERIFIED_TOKEN_CACHE_SECONDS at most (so a key withdrawn from the JWKS stops
  // being honoured as soon as before) and never past the token's own expiry; revocation is still asked every time.
  const verifiedTokens = new LRUCache<string, JWTPayload>({ max: 10_000, ttl: VERIFIED_TOKEN_CACHE_SECONDS * 1000 });

  async function verifiedPayload(token: string): Promise<JWTPayload> {
    const hit = verifiedTokens.get(token);
    if (hit && typeof hit.exp === 'number' && Date.now() < hit.exp * 1000) return hit;
    try {
      const { payload } = await jwtVerify(token, getKey, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: ['ES256'],
      });
      verifiedTokens.set(token, payload);
      return payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('Access token expired', 'TOKEN_EXPIRED');
      throw unauthenticated('Invalid access token', 'TOKEN_INVALID');
    }
  }

  async function verifyToken(token: string): Promise<Principal> {
    const payload = await verifiedPayload(token);
    const { sub, sid, role } = payload as { sub?: string; sid?: string; role?: string };
    if (!sub || !sid || (role !== 'USER' && role !== 'ADMIN'))
      throw unauthenticated('Invalid access token', 'TOKEN_INVALID');
    if (await isRevoked(sid)) throw unauthenticated('Session has ended', 'SESSION_REVOKED');
    return { userId: sub, role, kind: 'session', sessionId: sid, scopes: null };
  }

  async function introspect(key: string): Promise<IntrospectionResult> {
    const cacheKey = createHash('sha256').update(key).digest('hex');
    const hit = apiKeyCache.get(cacheKey);
    if (hit) return hit;
    const result = await introspectRemote(key);
    apiKeyCache.set(cacheKey, result);
    return result;
  }

  async function verifyApiKey(key: string): Promise<Principal> {
    const result = await introspect(key);
    if (!result.active || !result.userId || !result.apiKeyId || !result.role)
      throw unauthenticated('Invalid API key', 'TOKEN_INVALID');
    if (await isRevoked(result.apiKeyId)) throw unauthenticated('API key revoked', 'SESSION_REVOKED');
    const scopes = (result.scopes ?? []).filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
    return { userId: result.userId, role: result.role, kind: 'apiKey', apiKeyId: result.apiKeyId, scopes };
  }

  const verify = (credential: Credential) =>
    credential.kind === 'token' ? verifyToken(credential.token) : verifyApiKey(credential.key);

  return {
    verify,
    async verifyHeaders(headers) {
      const credential = readCredential(headers);
      return credential ? verify(credential) : null;
    },
  };
}

/**
 * The verifier of a service that is not auth: keys from auth's JWKS, API keys introspected at auth, both requests
 * carrying the service credential when there is one.
 */
export function remoteVerifier(
  authUrl: string,
  revocations: RevocationStore,
  serviceCredentials: ServiceCredentials | undefined,
): CredentialVerifier {
  const base = authUrl.replace(/\/+$/, '');
  return createCredentialVerifier({
    jwks: `${base}/.well-known/jwks.json`,
    apiKeyIntrospection: `${base}/internal/api-keys/introspect`,
    revocations,
    serviceCredentials,
  });
}
