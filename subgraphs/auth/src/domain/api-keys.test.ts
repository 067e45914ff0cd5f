/**
 * API keys over HTTP against a real database (PGlite always, Postgres too when TEST_DATABASE_URL is set): the secret
 * is shown once, the key acts only within its scopes and never on the account itself, revocation is immediate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, routerGql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startAuthHarness, type AuthHarness } from '../testing/harness.js';
import { bearer, ME, signupAt } from '../testing/operations.js';

describe.each(testDatabaseKinds())('API keys on %s', (kind) => {
  let auth: AuthHarness;
  const signup = (input?: Record<string, unknown>) => signupAt(auth, input);

  beforeAll(async () => {
    auth = await startAuthHarness(kind);
  });
  afterAll(() => auth?.stop());

  it('API keys: secret shown once, limited to scopes, revocable, last use recorded', async () => {
    const s = await signup();
    const CREATE =
      'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id prefix scopes lastUsedAt } } }';
    const created = await routerGql<{
      createApiKey: { secret: string; apiKey: { id: string; prefix: string; scopes: string[] } };
    }>(auth, CREATE, { i: { name: 'Soil sensor', scopes: ['PROFILE_READ'] } }, bearer(s.accessToken));
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(errorCode(await routerGql(auth, CREATE, { i: { name: 'x', scopes: [] } }, bearer(s.accessToken)))).toBe(
      'BAD_USER_INPUT',
    );
    const asKey = { 'x-api-key': secret };
    expect((await routerGql<{ me: { id: string } }>(auth, ME, {}, asKey)).data?.me.id).toBe(s.user.id);
    // Outside its scopes, and account-level operations, are refused.
    const upd = await routerGql(auth, 'mutation { updateProfile(input: { bio: "hi" }) { id } }', {}, asKey);
    expect(errorCode(upd)).toBe('FORBIDDEN');
    expect(errorCode(await routerGql(auth, CREATE, { i: { name: 'more', scopes: ['PROFILE_READ'] } }, asKey))).toBe(
      'FORBIDDEN',
    );
    const listed = await routerGql<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(
      auth,
      '{ apiKeys { id lastUsedAt } }',
      {},
      bearer(s.accessToken),
    );
    expect(listed.data?.apiKeys.find((k) => k.id === apiKey.id)?.lastUsedAt).toBeTruthy();
    const revoked = await routerGql(
      auth,
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKey.id },
      bearer(s.accessToken),
    );
    expect(revoked.errors).toBeUndefined();
    expect(errorCode(await routerGql(auth, ME, {}, asKey))).toBe('UNAUTHENTICATED');
  });
});
