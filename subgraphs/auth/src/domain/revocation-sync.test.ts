/**
 * The database is the revocation list's source of truth: a list that lost its data (a new process, Redis restarted
 * empty) is restored from it, and credentials are refused with a reason a client can act on.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRevocationStore } from '@bloomzy/shared/auth/revocations';
import { ManualClock } from '@bloomzy/shared/clock';
import { errorCode, routerGql } from '@bloomzy/shared/testing/graphql-client';
import { testDatabaseKinds } from '@bloomzy/shared/testing/test-database';
import { startAuthHarness, type AuthHarness } from '../testing/harness.js';
import { bearer, ME, signupAt } from '../testing/operations.js';
import { liveRevocations, restoreRevocations } from './revocation-sync.js';

const LOGOUT = 'mutation { logout }';
const sessionOf = (accessToken: string) => decodeJwt(accessToken).sid as string;

describe.each(testDatabaseKinds())('revocations restored from the database on %s', (kind) => {
  let auth: AuthHarness;
  // Close to now: the harness's verifier checks token expiry against real time.
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    auth = await startAuthHarness(kind, { clock });
  });
  afterAll(() => auth?.stop());

  it('lists logged-out sessions and revoked API keys again in a list that lost everything', async () => {
    const user = await signupAt(auth);
    const key = await routerGql<{ createApiKey: { apiKey: { id: string } } }>(
      auth,
      'mutation { createApiKey(input: { name: "Hub", scopes: [PLANTS_READ] }) { apiKey { id } } }',
      {},
      bearer(user.accessToken),
    );
    const keyId = key.data!.createApiKey.apiKey.id;
    const revoked = await routerGql(
      auth,
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: keyId },
      bearer(user.accessToken),
    );
    expect(revoked.errors).toBeUndefined();
    expect((await routerGql(auth, LOGOUT, {}, bearer(user.accessToken))).errors).toBeUndefined();

    const empty = new MemoryRevocationStore();
    expect(await empty.isRevoked(sessionOf(user.accessToken))).toBe(false);
    await restoreRevocations({ ...auth.runtime, revocations: empty });
    expect(await empty.isRevoked(sessionOf(user.accessToken))).toBe(true);
    expect(await empty.isRevoked(keyId)).toBe(true);
  });

  it('lists a session only while one of its access tokens may still be presented', async () => {
    const user = await signupAt(auth);
    await routerGql(auth, LOGOUT, {}, bearer(user.accessToken));
    const sid = sessionOf(user.accessToken);
    const ttl = auth.runtime.config.accessTokenTtlSeconds;
    const entry = (await liveRevocations(auth.runtime)).find(({ id }) => id === sid);
    expect(entry?.ttlSeconds).toBeGreaterThan(ttl);
    expect(entry?.ttlSeconds).toBeLessThanOrEqual(ttl + 60);
    const later = new Date(clock.now().getTime() + (ttl + 61) * 1000);
    expect((await liveRevocations(auth.runtime, later)).some(({ id }) => id === sid)).toBe(false);
  });

  it('tells an expired access token (refresh it) from an invalid one and an ended session', async () => {
    const reason = (res: Awaited<ReturnType<typeof routerGql>>) => res.errors?.[0]?.extensions?.reason;
    clock.set(new Date(Date.now() - 2 * 3600_000));
    const old = await signupAt(auth);
    clock.set(new Date());
    const expired = await routerGql(auth, ME, {}, bearer(old.accessToken));
    expect(errorCode(expired)).toBe('UNAUTHENTICATED');
    expect(reason(expired)).toBe('TOKEN_EXPIRED');
    const invalid = await routerGql(auth, ME, {}, bearer('not.a.token'));
    expect(errorCode(invalid)).toBe('UNAUTHENTICATED');
    expect(reason(invalid)).toBe('TOKEN_INVALID');
    const user = await signupAt(auth);
    await routerGql(auth, LOGOUT, {}, bearer(user.accessToken));
    expect(reason(await routerGql(auth, ME, {}, bearer(user.accessToken)))).toBe('SESSION_REVOKED');
  });
});
