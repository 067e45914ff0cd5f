/**
 * Accounts over HTTP against a real database (PGlite always, Postgres too when TEST_DATABASE_URL is set): signup,
 * login and its rate limit, profile updates, password changes, who may read a profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, routerGql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startAuthHarness, type AuthHarness } from '../testing/harness.js';
import { bearer, email, LOGIN, ME, type Payload, SIGNUP, signupAt } from '../testing/operations.js';

describe.each(testDatabaseKinds())('accounts on %s', (kind) => {
  let auth: AuthHarness;
  const signup = (input?: Record<string, unknown>) => signupAt(auth, input);

  beforeAll(async () => {
    auth = await startAuthHarness(kind, {
      env: { ADMIN_EMAILS: 'boss@bloomzy.test', LOGIN_ATTEMPTS_PER_15_MIN: '5' },
    });
  });
  afterAll(() => auth?.stop());

  it('signs up with a normalised email, then logs in and reads me', async () => {
    const address = email();
    const up = await routerGql<{ signup: Payload }>(auth, SIGNUP, {
      input: { email: `  ${address} `, password: 'green-thumb-1', timezone: 'europe/berlin' },
    });
    expect(up.errors).toBeUndefined();
    expect(up.data?.signup.user.email).toBe(address.toLowerCase());
    expect(up.data?.signup.user.timezone).toBe('Europe/Berlin');
    expect(up.data?.signup.user.role).toBe('USER');
    const login = await routerGql<{ login: Payload }>(auth, LOGIN, { e: address.toUpperCase(), p: 'green-thumb-1' });
    expect(login.errors).toBeUndefined();
    const me = await routerGql<{ me: { email: string } }>(auth, ME, {}, bearer(login.data!.login.accessToken));
    expect(me.data?.me.email).toBe(address.toLowerCase());
  });

  it.each([
    [{ email: 'not-an-email' }, 'input.email'],
    [{ password: 'short1' }, 'input.password'],
    [{ password: 'onlyletters' }, 'input.password'],
    [{ password: '1234567890' }, 'input.password'],
    [{ password: '        ' }, 'input.password'],
    [{ password: 'password1' }, 'input.password'],
    [{ password: 'Passw0rd' }, 'input.password'],
    [{ email: 'monstera.lover@example.com', password: 'i-am-Monstera.Lover' }, 'input.password'],
    [{ username: 'x' }, 'input.username'],
    [{ timezone: 'Mars/Olympus' }, 'input.timezone'],
  ])('refuses bad signup input %j naming %s', async (input, field) => {
    const res = await routerGql(auth, SIGNUP, { input: { email: email(), password: 'green-thumb-1', ...input } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });

  it('refuses a duplicate email with CONFLICT, whatever its case', async () => {
    const first = await signup();
    const res = await routerGql(auth, SIGNUP, {
      input: { email: first.user.email!.toUpperCase(), password: 'green-thumb-1' },
    });
    expect(errorCode(res)).toBe('CONFLICT');
  });

  it('gives the same error for a wrong password and an unknown email, and rate-limits guessing', async () => {
    const user = await signup();
    const wrong = await routerGql(auth, LOGIN, { e: user.user.email, p: 'wrong-pass-1' });
    const unknown = await routerGql(auth, LOGIN, { e: 'nobody@example.com', p: 'wrong-pass-1' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    for (let i = 0; i < 4; i++) await routerGql(auth, LOGIN, { e: user.user.email, p: 'wrong-pass-1' });
    const limited = await routerGql(auth, LOGIN, { e: user.user.email, p: 'green-thumb-1' });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
  });

  it('refuses a deactivated account', async () => {
    const user = await signup();
    await auth.runtime.db.user.update({ where: { id: user.user.id }, data: { active: false } });
    const res = await routerGql(auth, LOGIN, { e: user.user.email, p: 'green-thumb-1' });
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it('validates and applies profile updates', async () => {
    const s = await signup();
    const username = `fern_${s.user.id.slice(0, 8)}`;
    const UPDATE =
      'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { username bio timezone hemisphere notificationSettings { email } } }';
    const ok = await routerGql<{ updateProfile: Record<string, unknown> }>(
      auth,
      UPDATE,
      {
        i: {
          username,
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
      username,
      timezone: 'Australia/Sydney',
      hemisphere: 'SOUTHERN',
      notificationSettings: { email: true },
    });
    const bad = async (i: Record<string, unknown>) =>
      (await routerGql(auth, UPDATE, { i }, bearer(s.accessToken))).errors?.[0]?.extensions;
    expect(await bad({ bio: 'x'.repeat(501) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bio' });
    expect(await bad({ timezone: 'Nowhere/City' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timezone' });
    expect(await bad({ username: 'ab' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.username' });
    expect(await bad({ language: '!!' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.language' });
    const other = await signup();
    expect(await bad({ username: other.user.username })).toMatchObject({ code: 'CONFLICT' });
  });

  it('changePassword revokes other sessions but keeps the current one', async () => {
    const a = await signup();
    const b = await routerGql<{ login: Payload }>(auth, LOGIN, { e: a.user.email, p: 'green-thumb-1' });
    const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    expect(
      errorCode(await routerGql(auth, CHANGE, { c: 'wrong-one-1', n: 'new-pass-22' }, bearer(a.accessToken))),
    ).toBe('BAD_USER_INPUT');
    const res = await routerGql(auth, CHANGE, { c: 'green-thumb-1', n: 'new-pass-22' }, bearer(a.accessToken));
    expect(res.errors).toBeUndefined();
    expect((await routerGql(auth, ME, {}, bearer(a.accessToken))).errors).toBeUndefined();
    expect(errorCode(await routerGql(auth, ME, {}, bearer(b.data!.login.accessToken)))).toBe('UNAUTHENTICATED');
    expect(errorCode(await routerGql(auth, LOGIN, { e: a.user.email, p: 'green-thumb-1' }))).toBe('UNAUTHENTICATED');
    expect((await routerGql(auth, LOGIN, { e: a.user.email, p: 'new-pass-22' })).errors).toBeUndefined();
  });

  it('changePassword refuses a weak new password, naming newPassword and why', async () => {
    const a = await signup();
    const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    const res = await routerGql(auth, CHANGE, { c: 'green-thumb-1', n: 'Passw0rd' }, bearer(a.accessToken));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(res.errors?.[0]?.message).toMatch(/too common or too easy to guess/);
    expect((await routerGql(auth, LOGIN, { e: a.user.email, p: 'green-thumb-1' })).errors).toBeUndefined();
  });

  it("hides another user's profile (NOT_FOUND) but lets an admin read it", async () => {
    const a = await signup();
    const b = await signup();
    const USER = 'query($id: ID!) { user(id: $id) { id email } }';
    expect(errorCode(await routerGql(auth, USER, { id: b.user.id }, bearer(a.accessToken)))).toBe('NOT_FOUND');
    expect((await routerGql(auth, USER, { id: a.user.id }, bearer(a.accessToken))).errors).toBeUndefined();
    const admin = await signup({ email: 'boss@bloomzy.test' });
    expect(admin.user.role).toBe('ADMIN');
    const read = await routerGql<{ user: { email: string } }>(auth, USER, { id: b.user.id }, bearer(admin.accessToken));
    expect(read.data?.user.email).toBe(b.user.email);
  });
});
