/**
 * Users for the subscriptions benchmark without N password hashes: the bench generates auth's signing key itself
 * (handed to auth as AUTH_SIGNING_KEYS, so auth's JWKS publishes it and every verifier accepts its tokens) and mints
 * each user's access token as auth's login does (same issuer, audience, claims: a user id, a session id, role USER).
 * The users have no row in auth's database: the benchmark's selection never asks auth about them.
 */
import { randomUUID } from 'node:crypto';
import { generateSigningJwk, loadSigningKeys } from '@bloomzy/auth/tokens/signing-keys';

export interface BenchUser {
  readonly id: string;
  readonly accessToken: string;
}

export interface TokenMint {
  /** AUTH_SIGNING_KEYS for auth. */
  readonly signingKeys: string;
  users(count: number): Promise<BenchUser[]>;
}

export async function createTokenMint(): Promise<TokenMint> {
  const signingKeys = JSON.stringify({ keys: [await generateSigningJwk()] });
  const keys = await loadSigningKeys({ inline: signingKeys, dataDir: '' });
  return {
    signingKeys,
    async users(count) {
      const now = new Date();
      return Promise.all(
        Array.from({ length: count }, async () => {
          const id = randomUUID();
          return { id, accessToken: await keys.sign({ sid: randomUUID(), role: 'USER' }, id, 3_600, now) };
        }),
      );
    },
  };
}
