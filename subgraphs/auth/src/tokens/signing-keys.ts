/**
 * The asymmetric keys that sign access tokens. The first key signs; every key is published in the JWKS so tokens
 * signed before a rotation stay valid until they expire. Embedded mode keeps a generated key in the data directory
 * (so restarts don't log everyone out); production reads them from AUTH_SIGNING_KEYS or AUTH_SIGNING_KEYS_FILE.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type JWTVerifyGetKey,
  type KeyObject,
} from 'jose';

const SIGNING_ALG = 'ES256';

export interface SigningKeys {
  /** Signs claims with the current key. */
  sign(claims: Record<string, unknown>, subject: string, ttlSeconds: number, now: Date): Promise<string>;
  /** Public keys, for /.well-known/jwks.json. */
  jwks: { keys: JWK[] };
  /** Verification key getter over the same keys (auth verifies its own tokens without HTTP). */
  getKey: JWTVerifyGetKey;
}

/** A fresh private JWK with a `kid`, as stored in the keys file. */
export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: SIGNING_ALG, use: 'sig' };
}

function parseKeys(text: string, origin: string): JWK[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${origin} is not valid JSON`);
  }
  const keys = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new Error(`${origin} must hold a non-empty array of private JWKs`);
  for (const key of keys as JWK[]) {
    if (!key.kid || !key.d || key.kty !== 'EC' || key.crv !== 'P-256') {
      throw new Error(`${origin}: every key needs kty EC, crv P-256, a private part (d) and a kid`);
    }
  }
  return keys as JWK[];
}

export async function loadSigningKeys(source: {
  inline?: string | undefined;
  file?: string | undefined;
  dataDir: string;
}): Promise<SigningKeys> {
  let privateJwks: JWK[];
  if (source.inline) privateJwks = parseKeys(source.inline, 'AUTH_SIGNING_KEYS');
  else if (source.file)
    privateJwks = parseKeys(await readFile(source.file, 'utf8'), `AUTH_SIGNING_KEYS_FILE (${source.file})`);
  else {
    const file = path.join(source.dataDir, 'signing-keys.json');
    const existing = await readFile(file, 'utf8').catch(() => null);
    if (existing) privateJwks = parseKeys(existing, file);
    else {
      privateJwks = [await generateSigningJwk()];
      await mkdir(source.dataDir, { recursive: true });
      await writeFile(file, JSON.stringify({ keys: privateJwks }, null, 2), { mode: 0o600 });
    }
  }
  const current = privateJwks[0] as JWK;
  const signingKey = (await importJWK(current, SIGNING_ALG)) as KeyObject;
  const publicJwks = privateJwks.map(({ d: _private, ...pub }) => ({ ...pub, alg: SIGNING_ALG, use: 'sig' }));
  const jwks = { keys: publicJwks };
  return {
    jwks,
    getKey: createLocalJWKSet(jwks),
    sign: (claims, subject, ttlSeconds, now) => {
      const iat = Math.floor(now.getTime() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: SIGNING_ALG, kid: current.kid as string, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer('bloomzy-auth')
        .setAudience('bloomzy')
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .setJti(randomUUID())
        .sign(signingKey);
    },
  };
}
