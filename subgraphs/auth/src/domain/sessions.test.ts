/**
 * Sessions over HTTP against a real database (PGlite always, Postgres too when TEST_DATABASE_URL is set): refresh-token
 * rotation and reuse detection, logout, and access tokens other services verify through the JWKS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceCredentials, type ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { createCredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { errorCode, routerGql } from '@bloomzy/shared/testing/graphql-client';
import { TEST_SUBGRAPH_SECRET } from '@bloomzy/shared/testing/router-credential';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startAuthHarness, type AuthHarness } from '../testing/harness.js';
import { bearer, ME, type Payload, REFRESH, signupAt } from '../testing/operations.js';

describe.each(testDatabaseKinds())('sessions on %s', (kind) => {
  let auth: AuthHarness;
  const signup = (input?: Record<string, unknown>) => signupAt(auth, input);

  beforeAll(async () => {
    auth = await startAuthHarness(kind);
  });
  afterAll(() => auth?.stop());

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const first = await signup();
    const second = await routerGql<{ refreshToken: Payload }>(auth, REFRESH, { t: first.refreshToken });
    expect(second.errors).toBeUndefined();
    const rotated = second.data!.refreshToken;
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    const reuse = await routerGql(auth, REFRESH, { t: first.refreshToken });
    expect(errorCode(reuse)).toBe('UNAUTHENTICATED');
    // The whole family is gone: the newest refresh token and the access tokens stop working.
    expect(errorCode(await routerGql(auth, REFRESH, { t: rotated.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await routerGql(auth, ME, {}, bearer(rotated.accessToken)))).toBe('UNAUTHENTICATED');
  });

  it('logout stops the access token and the refresh family at once', async () => {
    const session = await signup();
    const out = await routerGql<{ logout: boolean }>(
      auth,
      'mutation($t: String) { logout(refreshToken: $t) }',
      { t: session.refreshToken },
      bearer(session.accessToken),
    );
    expect(out.data?.logout).toBe(true);
    expect(errorCode(await routerGql(auth, ME, {}, bearer(session.accessToken)))).toBe('UNAUTHENTICATED');
    expect(errorCode(await routerGql(auth, REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('publishes a JWKS that verifies its tokens from another service', async () => {
    const s = await signup();
    const fromAnotherService = (serviceCredentials?: ServiceCredentials) =>
      createCredentialVerifier({
        jwks: auth.url.replace('/graphql', '/.well-known/jwks.json'),
        apiKeyIntrospection: auth.url.replace('/graphql', '/internal/api-keys/introspect'),
        revocations: auth.revocations,
        serviceCredentials,
      });
    // Only Bloomzy services may fetch it: one without the shared secret cannot verify anything.
    await expect(
      fromAnotherService().verifyHeaders({ authorization: `Bearer ${s.accessToken}` }),
    ).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const verifier = fromAnotherService(createServiceCredentials({ secret: TEST_SUBGRAPH_SECRET, issuer: 'plants' }));
    const principal = await verifier.verifyHeaders({ authorization: `Bearer ${s.accessToken}` });
    expect(principal).toMatchObject({ userId: s.user.id, role: 'USER', kind: 'session' });
    await expect(verifier.verifyHeaders({ authorization: 'Bearer not.a.jwt' })).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
