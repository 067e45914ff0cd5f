/**
 * Who is calling. Users authenticate with short-lived access tokens (all scopes of their role); programmatic clients
 * (a soil sensor, a home-automation hub) with API keys limited to the scopes chosen when the key was created.
 */
import { forbidden, unauthenticated } from '../errors.js';

export type Role = 'USER' | 'ADMIN';

/** Every scope an API key can hold. A user session implicitly holds them all. */
export const SCOPES = [
  'profile:read',
  'profile:write',
  'plants:read',
  'plants:write',
  'notifications:read',
  'notifications:write',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  userId: string;
  role: Role;
  kind: 'session' | 'apiKey';
  /** The refresh-token family behind an access token; revoked as a unit at logout. */
  sessionId?: string;
  apiKeyId?: string;
  /** null for user sessions (unrestricted); the key's scopes for API keys. */
  scopes: readonly Scope[] | null;
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes === null || principal.scopes.includes(scope);
}

/**
 * Per-request access to the caller. Credentials are verified lazily, so public operations (signup, the catalog) work
 * even when a client sends a stale token.
 */
export interface AuthContext {
  /** The verified caller, or null when no credentials were sent. Throws UNAUTHENTICATED for bad credentials. */
  principal(): Promise<Principal | null>;
  /** The verified caller, holding `scope` when it is an API key. */
  require(scope: Scope): Promise<Principal>;
}

export function createAuthContext(resolve: () => Promise<Principal | null>): AuthContext {
  let cached: Promise<Principal | null> | undefined;
  const principal = () => (cached ??= resolve());
  return {
    principal,
    async require(scope) {
      const p = await principal();
      if (!p) throw unauthenticated();
      if (!hasScope(p, scope)) throw forbidden(`This API key lacks the "${scope}" scope`);
      return p;
    },
  };
}
