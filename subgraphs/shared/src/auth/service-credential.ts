/**
 * The service credential: how a subgraph knows a request comes from the router (and auth's credential endpoints that
 * it comes from another Bloomzy service), not from whoever reached its port. It is a short-lived HS256 JWT signed with
 * the secret every service shares (SUBGRAPH_SECRET), sent in the `x-bloomzy-service` header.
 *
 * A signed token rather than an HMAC over method, path and body: the token is checked in fastify's onRequest hook,
 * before a byte of the body is read, and the same check covers WebSocket upgrades, which have no body. `aud` names the
 * one service a token is for, so a token one subgraph sees is refused by the others; a token lives 60 s at most (the
 * replay window), and a signer reuses one for 30 s so that signing costs nothing per request.
 */
import { readFile } from 'node:fs/promises';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from '../clock.js';
import { MIN_SECRET_BYTES } from '../config.js';
import { ConfigError } from '../env-schema.js';
import type { Principal } from './principal.js';
import { IDENTITY_TYPE, signIdentity, verifyIdentity } from './subscriber-identity.js';

export const SERVICE_CREDENTIAL_HEADER = 'x-bloomzy-service';
/** The longest a token is accepted after it was issued, and the lifetime signers give it. */
const SERVICE_TOKEN_TTL_SECONDS = 60;
/** A signer reuses a token this long, so every token it hands out has at least 30 s left. */
const REUSE_SECONDS = 30;
/** Clocks of the services may differ this much. */
const CLOCK_TOLERANCE_SECONDS = 5;

type ServiceTokenCheck = { valid: true } | { valid: false; reason: string };

export interface ServiceCredentials {
  /** `{ 'x-bloomzy-service': <token for audience> }`: a cached token while it has 30 s left, else a new one. */
  headersFor(audience: string): Promise<Record<string, string>>;
  /** Checks a header value: signed with the shared secret, addressed to `audience`, issued under 60 s ago. */
  verify(token: string | undefined, audience: string): Promise<ServiceTokenCheck>;
  /** A signed identity of `principal` for one upstream subscription to `audience` (subscriber-identity.ts). */
  signIdentity(audience: string, principal: Principal): Promise<string>;
  /** The principal of a signed identity addressed to `audience`; null when missing, forged or expired. */
  verifyIdentity(token: unknown, audience: string): Promise<Principal | null>;
}

export interface ServiceCredentialsOptions {
  /** The shared secret, at least 32 bytes. */
  secret: string;
  /** Who signs (`iss`): the service's name, for whoever reads a token. */
  issuer: string;
  clock?: Clock;
}

export function createServiceCredentials(options: ServiceCredentialsOptions): ServiceCredentials {
  // A CryptoKey imported once: jose would otherwise import the raw secret again on every sign and verify.
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(options.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  const clock = options.clock ?? systemClock;
  const seconds = () => Math.floor(clock.now().getTime() / 1000);
  const issued = new Map<string, { issuedAt: number; token: Promise<string> }>();
  // The router sends one token for 30 s: verifying it once spares every later request the HMAC (bounded: a flood of
  // distinct valid tokens needs the secret). Value: until when (epoch seconds) the token stays valid.
  const verified = new LRUCache<string, number>({ max: 1_000 });

  const sign = async (audience: string, issuedAt: number) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(options.issuer)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + SERVICE_TOKEN_TTL_SECONDS)
      .sign(await key);

  return {
    async headersFor(audience) {
      const now = seconds();
      let entry = issued.get(audience);
      if (!entry || now - entry.issuedAt >= REUSE_SECONDS) {
        entry = { issuedAt: now, token: sign(audience, now) };
        issued.set(audience, entry);
      }
      return { [SERVICE_CREDENTIAL_HEADER]: await entry.token };
    },
    async verify(token, audience) {
      if (!token) return { valid: false, reason: 'no service credential' };
      const cacheKey = `${audience} ${token}`;
      const validUntil = verified.get(cacheKey);
      if (validUntil !== undefined && seconds() < validUntil) return { valid: true };
      try {
        const { payload, protectedHeader } = await jwtVerify(token, await key, {
          algorithms: ['HS256'],
          audience,
          requiredClaims: ['iat', 'exp'],
          maxTokenAge: SERVICE_TOKEN_TTL_SECONDS,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          currentDate: clock.now(),
        });
        // A subscriber identity (subscriber-identity.ts) is signed with the same key; it is no service credential.
        if (protectedHeader.typ === IDENTITY_TYPE) return { valid: false, reason: 'invalid service credential' };
        // Required claims, checked above; without the clock tolerance, so a cached token never outlives its check.
        verified.set(cacheKey, Math.min(payload.exp ?? 0, (payload.iat ?? 0) + SERVICE_TOKEN_TTL_SECONDS));
        return { valid: true };
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) return { valid: false, reason: 'service credential expired' };
        if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') {
          return { valid: false, reason: `service credential not addressed to ${audience}` };
        }
        return { valid: false, reason: 'invalid service credential' };
      }
    },
    async signIdentity(audience, principal) {
      return signIdentity(await key, options.issuer, audience, principal, clock);
    },
    async verifyIdentity(token, audience) {
      return verifyIdentity(await key, token, audience, clock);
    },
  };
}

/** Where a service's configuration says the shared secret is (SUBGRAPH_SECRET or SUBGRAPH_SECRET_FILE). */
export interface SubgraphSecretConfig {
  subgraphSecret: string | undefined;
  subgraphSecretFile: string | undefined;
}

/**
 * The service's credentials from its configuration: undefined when no secret is configured (outside production only;
 * the configuration refuses that in production). A secret file is read here, at start-up: a missing, unreadable or
 * too short file stops the service with a ConfigError naming SUBGRAPH_SECRET_FILE.
 */
export async function serviceCredentials(
  config: SubgraphSecretConfig,
  issuer: string,
): Promise<ServiceCredentials | undefined> {
  let secret = config.subgraphSecret;
  if (config.subgraphSecretFile) {
    const file = config.subgraphSecretFile;
    secret = await readFile(file, 'utf8').then(
      (text) => text.trim(),
      (error: unknown) => {
        throw new ConfigError('SUBGRAPH_SECRET_FILE', `cannot be read (${(error as Error).message})`);
      },
    );
    if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
      throw new ConfigError('SUBGRAPH_SECRET_FILE', `must hold at least ${MIN_SECRET_BYTES} bytes (${file})`);
    }
  }
  return secret ? createServiceCredentials({ secret, issuer }) : undefined;
}
