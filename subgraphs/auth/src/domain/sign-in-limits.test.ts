/**
 * Sign-in limits over HTTP against a real database (PGlite always, Postgres too when TEST_DATABASE_URL is set): each
 * client has its budget for login, signup and refresh, and a stranger's wrong passwords never lock the owner out.
 * Clients are told apart by the address header the router sends (documentation addresses, RFC 5737 and RFC 3849).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, routerGql, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startAuthHarness, type AuthHarness } from '../testing/harness.js';
import { fromClient, LOGIN, type Payload, REFRESH, SIGNUP, email, signupAt } from '../testing/operations.js';

const PASSWORD = 'green-thumb-1';

/** Asserts a RATE_LIMITED refusal whose retryAfter lies within the limit's window. */
function expectRateLimited(res: GraphQLResponse<unknown>, windowSeconds: number) {
  expect(errorCode(res)).toBe('RATE_LIMITED');
  const retryAfter = res.errors?.[0]?.extensions?.retryAfter;
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe.each(testDatabaseKinds())('sign-in limits on %s', (kind) => {
  describe('with the default budgets', () => {
    let auth: AuthHarness;
    beforeAll(async () => {
      auth = await startAuthHarness(kind);
    });
    afterAll(() => auth?.stop());

    const login = (client: string, e: string, p: string) =>
      routerGql<{ login: Payload }>(auth, LOGIN, { e, p }, fromClient(client));

    it('refuses one client trying 30 emails after 20 attempts, while another client signs in', async () => {
      const owner = await signupAt(auth, {}, fromClient('198.51.100.10'));
      const answers: GraphQLResponse<unknown>[] = [];
      for (let i = 0; i < 30; i++) answers.push(await login('203.0.113.1', `guess-${i}@example.com`, PASSWORD));
      expect(answers.slice(0, 20).map(errorCode)).toEqual(Array(20).fill('UNAUTHENTICATED'));
      for (const refused of answers.slice(20)) expectRateLimited(refused, 15 * 60);
      // Spent is spent: the right password of a real account is refused to that client too.
      expectRateLimited(await login('203.0.113.1', owner.user.email!, PASSWORD), 15 * 60);
      expect((await login('203.0.113.2', owner.user.email!, PASSWORD)).errors).toBeUndefined();
    });

    it("10 wrong passwords lock the guessing client out of the account, and the owner's password still works", async () => {
      const owner = await signupAt(auth, {}, fromClient('198.51.100.11'));
      for (let i = 0; i < 10; i++) {
        expect(errorCode(await login('203.0.113.3', owner.user.email!, `wrong-guess-${i}`))).toBe('UNAUTHENTICATED');
      }
      expectRateLimited(await login('203.0.113.3', owner.user.email!, PASSWORD), 15 * 60);
      // From a network the owner never used before: no lockout.
      const fromOwner = await login('198.51.100.12', owner.user.email!, PASSWORD);
      expect(fromOwner.errors).toBeUndefined();
      expect(fromOwner.data?.login.user.id).toBe(owner.user.id);
    });

    it('counts every address of one IPv6 /64 as one client', async () => {
      for (let i = 1; i <= 20; i++) {
        expect(errorCode(await login(`2001:db8:7:7::${i.toString(16)}`, email(), PASSWORD))).toBe('UNAUTHENTICATED');
      }
      expectRateLimited(await login('2001:db8:7:7:ffff:1:2:3', email(), PASSWORD), 15 * 60);
      expect(errorCode(await login('2001:db8:7:8::1', email(), PASSWORD))).toBe('UNAUTHENTICATED');
    });
  });

  describe('with small budgets', () => {
    let auth: AuthHarness;
    beforeAll(async () => {
      auth = await startAuthHarness(kind, {
        env: {
          SIGNUPS_PER_CLIENT_PER_HOUR: '3',
          REFRESHES_PER_CLIENT_PER_15_MIN: '3',
          LOGIN_FAILURES_PER_EMAIL_PER_HOUR: '5',
        },
      });
    });
    afterAll(() => auth?.stop());

    const login = (client: string, e: string, p: string) =>
      routerGql<{ login: Payload }>(auth, LOGIN, { e, p }, fromClient(client));
    const refresh = (client: string, t: string) =>
      routerGql<{ refreshToken: Payload }>(auth, REFRESH, { t }, fromClient(client));

    it('refuses a client its fourth signup in an hour, counting refused input too; others sign up', async () => {
      await signupAt(auth, {}, fromClient('203.0.113.20'));
      const weak = await routerGql(
        auth,
        SIGNUP,
        { input: { email: email(), password: 'password1' } },
        fromClient('203.0.113.20'),
      );
      expect(errorCode(weak)).toBe('BAD_USER_INPUT');
      await signupAt(auth, {}, fromClient('203.0.113.20'));
      const fourth = await routerGql(
        auth,
        SIGNUP,
        { input: { email: email(), password: PASSWORD } },
        fromClient('203.0.113.20'),
      );
      expectRateLimited(fourth, 60 * 60);
      await signupAt(auth, {}, fromClient('203.0.113.21'));
    });

    it('refuses a client its fourth refresh in 15 minutes, before the token is used; others refresh', async () => {
      const session = await signupAt(auth, {}, fromClient('198.51.100.30'));
      let token = session.refreshToken;
      for (let i = 0; i < 3; i++) {
        const res = await refresh('203.0.113.30', token);
        expect(res.errors).toBeUndefined();
        token = res.data!.refreshToken.refreshToken;
      }
      expectRateLimited(await refresh('203.0.113.30', token), 15 * 60);
      // The refused exchange did not spend the token.
      expect((await refresh('203.0.113.31', token)).errors).toBeUndefined();
    });

    it('past the all-clients ceiling of failures, only networks known to the account may try', async () => {
      const owner = await signupAt(auth, {}, fromClient('198.51.100.40'));
      const address = owner.user.email!;
      expect((await login('198.51.100.41', address, PASSWORD)).errors).toBeUndefined();
      // Five guessers, one wrong password each: none reaches its own limits, together they reach the account's.
      for (let i = 0; i < 5; i++) {
        expect(errorCode(await login(`203.0.113.${50 + i}`, address, 'wrong-guess-1'))).toBe('UNAUTHENTICATED');
      }
      // A sixth network is refused before its password is checked, even the right one.
      expectRateLimited(await login('203.0.113.60', address, PASSWORD), 60 * 60);
      // The owner where they signed up, signed in, or refreshed a session, is not.
      expect((await login('198.51.100.40', address, PASSWORD)).errors).toBeUndefined();
      expect((await login('198.51.100.41', address, PASSWORD)).errors).toBeUndefined();
      expect((await refresh('198.51.100.42', owner.refreshToken)).errors).toBeUndefined();
      expect((await login('198.51.100.42', address, PASSWORD)).errors).toBeUndefined();
      // Unknown emails count the same, so the refusal tells nothing about which emails have accounts.
      const ghost = email();
      for (let i = 0; i < 5; i++) await login(`203.0.113.${70 + i}`, ghost, 'wrong-guess-1');
      expectRateLimited(await login('203.0.113.80', ghost, 'wrong-guess-1'), 60 * 60);
    });
  });
});
