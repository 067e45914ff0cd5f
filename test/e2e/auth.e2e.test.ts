/**
 * Issue 2 end to end: every auth flow a client would try, through the router on real HTTP servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '@bloomzy/shared/testing/graphql-client';
import { gqlFrom } from './gql-from.js';
import { signupUser, startStack, type Stack } from './harness.js';

const SIGNUP = 'mutation($input: SignupInput!) { signup(input: $input) { accessToken user { id } } }';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken user { id email } } }';
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }';
const ME = '{ me { id email username } }';

describe('auth through the router', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { ADMIN_EMAILS: 'admin@bloomzy.test' } });
  });
  afterAll(() => stack?.stop());

  it('is alive and ready, and serves Sandbox to browsers', async () => {
    const base = stack.routerUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    const page = await fetch(stack.routerUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/sandbox/i);
    // Browsers on other origins (web app, Sandbox) get through CORS preflight.
    const preflight = await fetch(stack.routerUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('signup → login → me', async () => {
    const user = await signupUser(stack);
    const login = await stack.query<{ login: { accessToken: string } }>(LOGIN, { e: user.email, p: user.password });
    expect(login.errors).toBeUndefined();
    const me = await stack.query<{ me: { id: string; email: string } }>(
      ME,
      {},
      { authorization: `Bearer ${login.data!.login.accessToken}` },
    );
    expect(me.data?.me).toMatchObject({ id: user.user.id, email: user.email });
    expect((await stack.query<{ me: null }>(ME)).data?.me).toBeNull();
  });

  it.each([
    [{ email: 'nope' }, 'input.email'],
    [{ password: 'abc12' }, 'input.password'],
    [{ password: 'lettersonly' }, 'input.password'],
    [{ password: '12345678' }, 'input.password'],
    [{ password: '        ' }, 'input.password'],
    [{ password: 'Passw0rd' }, 'input.password'],
  ])('reports signup input %j as BAD_USER_INPUT on %s', async (input, field) => {
    const res = await stack.query(SIGNUP, {
      input: { email: `x${Math.random()}@bloomzy.test`, password: 'green-thumb-1', ...input },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });

  it.each([
    [{ username: 'ab' }, 'input.username'],
    [{ username: 'x'.repeat(81) }, 'input.username'],
    [{ bio: 'y'.repeat(501) }, 'input.bio'],
    [{ timezone: 'Atlantis/Capital' }, 'input.timezone'],
    [{ language: '12-not-a-tag!' }, 'input.language'],
  ])('reports profile input %j as BAD_USER_INPUT on %s', async (input, field) => {
    const user = await signupUser(stack);
    const res = await stack.query(
      'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }',
      { i: input },
      user.headers,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
  });

  it('updates a profile, refuses a taken username, and changing the password ends other sessions', async () => {
    const user = await signupUser(stack);
    const other = await signupUser(stack);
    const name = `fern_${Date.now()}`;
    const ok = await stack.query<{
      updateProfile: { username: string; timezone: string; notificationSettings: { push: boolean } };
    }>(
      'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { username timezone notificationSettings { push } } }',
      { i: { username: name, timezone: 'America/New_York', notificationSettings: { push: true } } },
      user.headers,
    );
    expect(ok.data?.updateProfile).toEqual({
      username: name,
      timezone: 'America/New_York',
      notificationSettings: { push: true },
    });
    const taken = await stack.query(
      'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }',
      { i: { username: name } },
      other.headers,
    );
    expect(errorCode(taken)).toBe('CONFLICT');
    const second = await stack.query<{ login: { accessToken: string } }>(LOGIN, { e: user.email, p: user.password });
    const changed = await stack.query(
      'mutation { changePassword(currentPassword: "green-thumb-1", newPassword: "new-leaf-22") }',
      {},
      user.headers,
    );
    expect(changed.errors).toBeUndefined();
    expect(errorCode(await stack.query(ME, {}, { authorization: `Bearer ${second.data!.login.accessToken}` }))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await stack.query(ME, {}, user.headers)).errors).toBeUndefined();
  });

  it('refuses a duplicate email, and wrong credentials alike', async () => {
    const user = await signupUser(stack);
    expect(
      errorCode(await stack.query(SIGNUP, { input: { email: user.email.toUpperCase(), password: 'green-thumb-1' } })),
    ).toBe('CONFLICT');
    const wrong = await stack.query(LOGIN, { e: user.email, p: 'not-the-pass-1' });
    const unknown = await stack.query(LOGIN, { e: 'ghost@bloomzy.test', p: 'not-the-pass-1' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('rotates refresh tokens and detects reuse', async () => {
    const user = await signupUser(stack);
    const next = await stack.query<{ refreshToken: { accessToken: string; refreshToken: string } }>(REFRESH, {
      t: user.refreshToken,
    });
    expect(next.errors).toBeUndefined();
    expect(errorCode(await stack.query(REFRESH, { t: user.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await stack.query(REFRESH, { t: next.data!.refreshToken.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await stack.query(ME, {}, { authorization: `Bearer ${next.data!.refreshToken.accessToken}` })),
    ).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the access token everywhere at once', async () => {
    const user = await signupUser(stack);
    // The token works on another subgraph before logout...
    const plantsBefore = await stack.query(`{ me { id plants(first: 1) { totalCount } } }`, {}, user.headers);
    expect(plantsBefore.errors).toBeUndefined();
    const out = await stack.query<{ logout: boolean }>('mutation { logout }', {}, user.headers);
    expect(out.data?.logout).toBe(true);
    expect(errorCode(await stack.query(ME, {}, user.headers))).toBe('UNAUTHENTICATED');
    // ...and not after: plants verifies locally from the JWKS but checks the shared revocation list.
    const plantsAfter = await stack.query(
      '{ indoorPlants(first: 1) { totalCount } userPlant(id: "00000000-0000-0000-0000-000000000000") { id } }',
      {},
      user.headers,
    );
    expect(errorCode(plantsAfter)).toBe('UNAUTHENTICATED');
    expect(errorCode(await stack.query(REFRESH, { t: user.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('API keys authenticate through the router within their scopes', async () => {
    const user = await signupUser(stack);
    const created = await stack.query<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      'mutation { createApiKey(input: { name: "Soil sensor", scopes: [PROFILE_READ, PLANTS_READ] }) { secret apiKey { id } } }',
      {},
      user.headers,
    );
    expect(created.errors).toBeUndefined();
    const key = { 'x-api-key': created.data!.createApiKey.secret };
    const me = await stack.query<{ me: { id: string } }>(ME, {}, key);
    expect(me.data?.me.id).toBe(user.user.id);
    const bearerKey = await stack.query<{ me: { id: string } }>(
      ME,
      {},
      { authorization: `Bearer ${created.data!.createApiKey.secret}` },
    );
    expect(bearerKey.data?.me.id).toBe(user.user.id);
    // Reading plants is in scope; writing a profile or creating keys is not.
    expect((await stack.query('{ me { plants(first: 1) { totalCount } } }', {}, key)).errors).toBeUndefined();
    expect(errorCode(await stack.query('mutation { updateProfile(input: { bio: "x" }) { id } }', {}, key))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(
        await stack.query('mutation { createApiKey(input: { name: "k", scopes: [PLANTS_READ] }) { secret } }', {}, key),
      ),
    ).toBe('FORBIDDEN');
    const revoke = await stack.query(
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: created.data!.createApiKey.apiKey.id },
      user.headers,
    );
    expect(revoke.errors).toBeUndefined();
    expect(errorCode(await stack.query(ME, {}, key))).toBe('UNAUTHENTICATED');
  });

  it('refuses one client trying 30 emails at login, whatever address it claims; another client signs in', async () => {
    const owner = await signupUser(stack);
    const answers = [];
    for (let i = 0; i < 30; i++) {
      // The router sends on the address it sees, not one the client claims.
      const claimed = { 'x-bloomzy-client-ip': `198.51.100.${i + 1}` };
      const variables = { e: `someone-${i}@bloomzy.test`, p: 'green-thumb-1' };
      answers.push(await gqlFrom('127.0.0.2', stack.routerUrl, LOGIN, variables, claimed));
    }
    expect(answers.slice(0, 20).map(errorCode)).toEqual(Array(20).fill('UNAUTHENTICATED'));
    for (const refused of answers.slice(20)) {
      expect(errorCode(refused)).toBe('RATE_LIMITED');
      expect(refused.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    }
    const other = await gqlFrom('127.0.0.3', stack.routerUrl, LOGIN, { e: owner.email, p: owner.password });
    expect(other.errors).toBeUndefined();
  });

  it("a stranger's wrong passwords lock out the stranger's client, not the owner", async () => {
    const owner = await signupUser(stack);
    for (let i = 0; i < 10; i++) {
      const wrong = await gqlFrom('127.0.0.4', stack.routerUrl, LOGIN, { e: owner.email, p: `wrong-guess-${i}` });
      expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    }
    const stranger = await gqlFrom('127.0.0.4', stack.routerUrl, LOGIN, { e: owner.email, p: owner.password });
    expect(errorCode(stranger)).toBe('RATE_LIMITED');
    const fromOwner = await gqlFrom('127.0.0.5', stack.routerUrl, LOGIN, { e: owner.email, p: owner.password });
    expect(fromOwner.errors).toBeUndefined();
  });

  it("one user cannot read another's profile; an admin can", async () => {
    const a = await signupUser(stack);
    const b = await signupUser(stack);
    const USER = 'query($id: ID!) { user(id: $id) { id email } }';
    expect(errorCode(await stack.query(USER, { id: b.user.id }, a.headers))).toBe('NOT_FOUND');
    const admin = await signupUser(stack, { email: 'admin@bloomzy.test' });
    const read = await stack.query<{ user: { email: string } }>(USER, { id: b.user.id }, admin.headers);
    expect(read.data?.user.email).toBe(b.email);
  });
});
