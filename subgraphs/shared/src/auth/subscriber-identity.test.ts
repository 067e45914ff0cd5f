import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import type { Principal } from './principal.js';
import { createServiceCredentials, SERVICE_CREDENTIAL_HEADER } from './service-credential.js';

const SECRET = 'a-shared-secret-of-at-least-32-bytes!';
const alice: Principal = { userId: 'alice', role: 'USER', kind: 'session', sessionId: 's1', scopes: null };
const hubKey: Principal = {
  userId: 'bob',
  role: 'USER',
  kind: 'apiKey',
  apiKeyId: 'k1',
  scopes: ['notifications:read'],
};

describe('subscriber identities signed by the router', () => {
  it('names the principal it was signed for, to the subgraph it is addressed to', async () => {
    const router = createServiceCredentials({ secret: SECRET, issuer: 'router' });
    const subgraph = createServiceCredentials({ secret: SECRET, issuer: 'notifications' });
    expect(await subgraph.verifyIdentity(await router.signIdentity('notifications', alice), 'notifications')).toEqual(
      alice,
    );
    expect(await subgraph.verifyIdentity(await router.signIdentity('notifications', hubKey), 'notifications')).toEqual(
      hubKey,
    );
  });

  it('refuses a forged, misaddressed, expired or missing identity', async () => {
    const clock = new ManualClock(new Date());
    const router = createServiceCredentials({ secret: SECRET, issuer: 'router', clock });
    const forger = createServiceCredentials({ secret: 'another-secret-of-at-least-32-bytes!!', issuer: 'router' });
    const subgraph = createServiceCredentials({ secret: SECRET, issuer: 'notifications', clock });
    const valid = await router.signIdentity('notifications', alice);

    expect(
      await subgraph.verifyIdentity(await forger.signIdentity('notifications', alice), 'notifications'),
    ).toBeNull();
    expect(await subgraph.verifyIdentity(await router.signIdentity('plants', alice), 'notifications')).toBeNull();
    expect(await subgraph.verifyIdentity(undefined, 'notifications')).toBeNull();
    expect(await subgraph.verifyIdentity(`${valid}x`, 'notifications')).toBeNull();
    clock.advance(70_000);
    expect(await subgraph.verifyIdentity(valid, 'notifications')).toBeNull();
  });

  it('is no service credential, and a service credential is no identity', async () => {
    const router = createServiceCredentials({ secret: SECRET, issuer: 'router' });
    const subgraph = createServiceCredentials({ secret: SECRET, issuer: 'notifications' });
    const identity = await router.signIdentity('notifications', alice);
    const service = (await router.headersFor('notifications'))[SERVICE_CREDENTIAL_HEADER];

    expect(await subgraph.verify(identity, 'notifications')).toMatchObject({ valid: false });
    expect(await subgraph.verifyIdentity(service, 'notifications')).toBeNull();
  });
});
