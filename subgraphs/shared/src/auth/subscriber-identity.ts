/**
 * Who an upstream subscription is for, vouched for by the router: a router multiplexes many subscribers' subscriptions
 * over a few graphql-ws connections to a subgraph, so the connection (authenticated by the router's service
 * credential) no longer says who is subscribing. Each subscribe message carries this instead, in
 * `extensions.identity`: an HS256 JWT signed with the shared SUBGRAPH_SECRET over the principal the router verified
 * (user, role, session or API key, scopes), addressed to one subgraph, valid 60 s (long enough to subscribe; a router
 * signs a fresh one when it resubscribes after a reconnect). Its own `typ` keeps it from passing as a service
 * credential and a service credential from passing as an identity. Clients never see it.
 */
import { jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../clock.js';
import { SCOPES, type Principal, type Role, type Scope } from './principal.js';

/** The `extensions` field of a subscribe message that holds the identity. */
export const IDENTITY_EXTENSION = 'identity';
/** The shared secret as imported once by service-credential.ts. */
type IdentityKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export const IDENTITY_TYPE = 'bloomzy-identity+jwt';
const IDENTITY_TTL_SECONDS = 60;
const CLOCK_TOLERANCE_SECONDS = 5;

interface IdentityClaims {
  role: Role;
  knd: Principal['kind'];
  sid?: string;
  akid?: string;
  /** null: a user session, holding every scope. */
  scp: readonly Scope[] | null;
}

export async function signIdentity(
  key: IdentityKey,
  issuer: string,
  audience: string,
  principal: Principal,
  clock: Clock,
): Promise<string> {
  const now = Math.floor(clock.now().getTime() / 1000);
  const claims: IdentityClaims = {
    role: principal.role,
    knd: principal.kind,
    ...(principal.sessionId ? { sid: principal.sessionId } : {}),
    ...(principal.apiKeyId ? { akid: principal.apiKeyId } : {}),
    scp: principal.scopes,
  };
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: IDENTITY_TYPE })
    .setIssuer(issuer)
    .setSubject(principal.userId)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + IDENTITY_TTL_SECONDS)
    .sign(key);
}

/** The principal an identity names, or null when it is missing, forged, expired or addressed to another service. */
export async function verifyIdentity(
  key: IdentityKey,
  token: unknown,
  audience: string,
  clock: Clock,
): Promise<Principal | null> {
  if (typeof token !== 'string' || !token) return null;
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      typ: IDENTITY_TYPE,
      audience,
      requiredClaims: ['sub', 'iat', 'exp'],
      maxTokenAge: IDENTITY_TTL_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: clock.now(),
    });
    const { sub, role, knd, sid, akid, scp } = payload as Partial<IdentityClaims> & { sub?: string };
    if (!sub || (role !== 'USER' && role !== 'ADMIN') || (knd !== 'session' && knd !== 'apiKey')) return null;
    const scopes = Array.isArray(scp) ? scp.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)) : null;
    return {
      userId: sub,
      role,
      kind: knd,
      ...(typeof sid === 'string' ? { sessionId: sid } : {}),
      ...(typeof akid === 'string' ? { apiKeyId: akid } : {}),
      scopes,
    };
  } catch {
    return null;
  }
}
