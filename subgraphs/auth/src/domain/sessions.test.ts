/**
 * Sessions over HTTP against a real database (PGlite always, Postgres too when TEST_DATABASE_URL is set): refresh-token
 * rotation and reuse detection, logout, and access tokens other services verify through the JWKS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { errorCode, gql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startAuthHarness, type AuthHarness } from '../testing/harness.js';
import { bearer, ME, type Payload, REFRESH, signupAt } from '../testing/operations.js';

describe.each(testDatabaseKinds())('sessions on %s', (kind) => {
  let auth: AuthHarness;
  const signup = (input?: Record<string, unknown>) => signupAt(auth.url, input);

  beforeAll(async () => {
    auth = await startAuthHarness(kind);
  });
  afterAll(() => auth?.stop());

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const first = await signup();
    const second = await gql<{ refreshToken: Payload }>(auth.url, REFRESH, { t: first.refreshToken });
    expect(second.errors).toBeUndefined();
    const rotated = second.data!.refreshToken;
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    const reuse = await gql(auth.url, REFRESH, { t: first.refreshToken });
    expect(errorCode(reuse)).toBe('UNAUTHENTICATED');
    // The whole family is gone: the newest refresh token and the access tokens stop working.
    expect(errorCode(await gql(auth.url, REFRESH, { t: rotated.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(auth.url, ME, {}, bearer(rotated.accessToken)))).toBe('UNAUTHENTICATED');
  });

  it('logout stops the access token and the refresh family at once', async () => {
    const session = await signup();
    const out = await gql<{ logout: boolean }>(
      auth.url,
      'mutation($t: String) { logout(refreshToken: $t) }',
      { t: session.refreshToken },
      bearer(session.accessToken),
    );
    expect(out.data?.logout).toBe(true);
    expect(errorCode(await gql(auth.url, ME, {}, bearer(session.accessToken)))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(auth.url, REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('publishes a JWKS that verifies its tokens from another service', async () => {
    const s = await signup();
    const verifier = createCredentialVerifier({
      jwks: auth.url.replace('/graphql', '/.well-known/jwks.json'),
      apiKeyIntrospection: auth.url.replace('/graphql', '/internal/api-keys/introspect'),
      revocations: auth.revocations,
    });
    const principal = await verifier.verifyHeaders({ authorization: `Bearer ${s.accessToken}` });
    expect(principal).toMatchObject({ userId: s.user.id, role: 'USER', kind: 'session' });
    await expect(verifier.verifyHeaders({ authorization: 'Bearer not.a.jwt' })).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
