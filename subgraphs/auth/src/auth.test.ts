/**
 * The auth subgraph over HTTP against a real database: PGlite always, Postgres too when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { errorCode, gql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startTestAuthService, type TestAuthService } from './testing.js';

const PAYLOAD = 'accessToken refreshToken expiresAt user { id email username role timezone }';
const SIGNUP = `mutation($input: SignupInput!) { signup(input: $input) { ${PAYLOAD} } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { ${PAYLOAD} } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { ${PAYLOAD} } }`;
const ME = '{ me { id email username } }';

interface Payload {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  user: { id: string; email: string | null; username: string; role: string; timezone: string };
}

describe.each(testDatabaseKinds())('auth subgraph on %s', (kind) => {
  let auth: TestAuthService;
  let n = 0;
  const email = () => `user${++n}-${Date.now()}@Example.com`;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const signup = async (input: Record<string, unknown> = {}) => {
    const res = await gql<{ signup: Payload }>(auth.url, SIGNUP, {
      input: { email: email(), password: 'green-thumb-1', ...input },
    });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.signup;
  };

  beforeAll(async () => {
    auth = await startTestAuthService(kind, {
      env: { ADMIN_EMAILS: 'boss@bloomzy.test', LOGIN_ATTEMPTS_PER_15_MIN: '5' },
    });
  });
  afterAll(() => auth?.stop());

  it('signs up with a normalised email, then logs in and reads me', async () => {
    const address = email();
    const up = await gql<{ signup: Payload }>(auth.url, SIGNUP, {
      input: { email: `  ${address} `, password: 'green-thumb-1', timezone: 'europe/berlin' },
    });
    expect(up.errors).toBeUndefined();
    expect(up.data?.signup.user.email).toBe(address.toLowerCase());
    expect(up.data?.signup.user.timezone).toBe('Europe/Berlin');
    expect(up.data?.signup.user.role).toBe('USER');
    const login = await gql<{ login: Payload }>(auth.url, LOGIN, { e: address.toUpperCase(), p: 'green-thumb-1' });
    expect(login.errors).toBeUndefined();
    const me = await gql<{ me: { email: string } }>(auth.url, ME, {}, bearer(login.data!.login.accessToken));
    expect(me.data?.me.email).toBe(address.toLowerCase());
  });

  it.each([
    [{ email: 'not-an-email' }, 'input.email'],
    [{ password: 'short1' }, 'input.password'],
    [{ password: 'onlyletters' }, 'input.password'],
    [{ password: '1234567890' }, 'input.password'],
    [{ username: 'x' }, 'input.username'],
    [{ timezone: 'Mars/Olympus' }, 'input.timezone'],
  ])('refuses bad signup input %j naming %s', async (input, field) => {
    const res = await gql(auth.url, SIGNUP, { input: { email: email(), password: 'green-thumb-1', ...input } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });

  it('refuses a duplicate email with CONFLICT, whatever its case', async () => {
    const first = await signup();
    const res = await gql(auth.url, SIGNUP, {
      input: { email: first.user.email!.toUpperCase(), password: 'green-thumb-1' },
    });
    expect(errorCode(res)).toBe('CONFLICT');
  });

  it('gives the same error for a wrong password and an unknown email, and rate-limits guessing', async () => {
    const user = await signup();
    const wrong = await gql(auth.url, LOGIN, { e: user.user.email, p: 'wrong-pass-1' });
    const unknown = await gql(auth.url, LOGIN, { e: 'nobody@example.com', p: 'wrong-pass-1' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    for (let i = 0; i < 4; i++) await gql(auth.url, LOGIN, { e: user.user.email, p: 'wrong-pass-1' });
    const limited = await gql(auth.url, LOGIN, { e: user.user.email, p: 'green-thumb-1' });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
  });

  it('refuses a deactivated account', async () => {
    const user = await signup();
    await auth.deps.db.user.update({ where: { id: user.user.id }, data: { active: false } });
    const res = await gql(auth.url, LOGIN, { e: user.user.email, p: 'green-thumb-1' });
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

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

  it('validates and applies profile updates', async () => {
    const s = await signup();
    const UPDATE =
      'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { username bio timezone hemisphere notificationSettings { email } } }';
    const ok = await gql<{ updateProfile: Record<string, unknown> }>(
      auth.url,
      UPDATE,
      {
        i: {
          username: `fern_${n}`,
          bio: 'I love ferns',
          timezone: 'Australia/Sydney',
          hemisphere: 'SOUTHERN',
          notificationSettings: { email: true },
        },
      },
      bearer(s.accessToken),
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.updateProfile).toMatchObject({
      username: `fern_${n}`,
      timezone: 'Australia/Sydney',
      hemisphere: 'SOUTHERN',
      notificationSettings: { email: true },
    });
    const bad = async (i: Record<string, unknown>) =>
      (await gql(auth.url, UPDATE, { i }, bearer(s.accessToken))).errors?.[0]?.extensions;
    expect(await bad({ bio: 'x'.repeat(501) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bio' });
    expect(await bad({ timezone: 'Nowhere/City' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timezone' });
    expect(await bad({ username: 'ab' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.username' });
    expect(await bad({ language: '!!' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.language' });
    const other = await signup();
    expect(await bad({ username: other.user.username })).toMatchObject({ code: 'CONFLICT' });
  });

  it('changePassword revokes other sessions but keeps the current one', async () => {
    const a = await signup();
    const b = await gql<{ login: Payload }>(auth.url, LOGIN, { e: a.user.email, p: 'green-thumb-1' });
    const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    expect(errorCode(await gql(auth.url, CHANGE, { c: 'wrong-one-1', n: 'new-pass-22' }, bearer(a.accessToken)))).toBe(
      'BAD_USER_INPUT',
    );
    const res = await gql(auth.url, CHANGE, { c: 'green-thumb-1', n: 'new-pass-22' }, bearer(a.accessToken));
    expect(res.errors).toBeUndefined();
    expect((await gql(auth.url, ME, {}, bearer(a.accessToken))).errors).toBeUndefined();
    expect(errorCode(await gql(auth.url, ME, {}, bearer(b.data!.login.accessToken)))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(auth.url, LOGIN, { e: a.user.email, p: 'green-thumb-1' }))).toBe('UNAUTHENTICATED');
    expect((await gql(auth.url, LOGIN, { e: a.user.email, p: 'new-pass-22' })).errors).toBeUndefined();
  });

  it("hides another user's profile (NOT_FOUND) but lets an admin read it", async () => {
    const a = await signup();
    const b = await signup();
    const USER = 'query($id: ID!) { user(id: $id) { id email } }';
    expect(errorCode(await gql(auth.url, USER, { id: b.user.id }, bearer(a.accessToken)))).toBe('NOT_FOUND');
    expect((await gql(auth.url, USER, { id: a.user.id }, bearer(a.accessToken))).errors).toBeUndefined();
    const admin = await signup({ email: 'boss@bloomzy.test' });
    expect(admin.user.role).toBe('ADMIN');
    const read = await gql<{ user: { email: string } }>(auth.url, USER, { id: b.user.id }, bearer(admin.accessToken));
    expect(read.data?.user.email).toBe(b.user.email);
  });

  it('API keys: secret shown once, limited to scopes, revocable, last use recorded', async () => {
    const s = await signup();
    const CREATE =
      'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id prefix scopes lastUsedAt } } }';
    const created = await gql<{
      createApiKey: { secret: string; apiKey: { id: string; prefix: string; scopes: string[] } };
    }>(auth.url, CREATE, { i: { name: 'Soil sensor', scopes: ['PROFILE_READ'] } }, bearer(s.accessToken));
    expect(created.errors).toBeUndefined();
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(errorCode(await gql(auth.url, CREATE, { i: { name: 'x', scopes: [] } }, bearer(s.accessToken)))).toBe(
      'BAD_USER_INPUT',
    );
    const asKey = { 'x-api-key': secret };
    expect((await gql<{ me: { id: string } }>(auth.url, ME, {}, asKey)).data?.me.id).toBe(s.user.id);
    // Outside its scopes, and account-level operations, are refused.
    const upd = await gql(auth.url, 'mutation { updateProfile(input: { bio: "hi" }) { id } }', {}, asKey);
    expect(errorCode(upd)).toBe('FORBIDDEN');
    expect(errorCode(await gql(auth.url, CREATE, { i: { name: 'more', scopes: ['PROFILE_READ'] } }, asKey))).toBe(
      'FORBIDDEN',
    );
    const listed = await gql<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(
      auth.url,
      '{ apiKeys { id lastUsedAt } }',
      {},
      bearer(s.accessToken),
    );
    expect(listed.data?.apiKeys.find((k) => k.id === apiKey.id)?.lastUsedAt).toBeTruthy();
    const revoked = await gql(
      auth.url,
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKey.id },
      bearer(s.accessToken),
    );
    expect(revoked.errors).toBeUndefined();
    expect(errorCode(await gql(auth.url, ME, {}, asKey))).toBe('UNAUTHENTICATED');
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
