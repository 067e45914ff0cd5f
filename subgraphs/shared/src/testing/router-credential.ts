/**
 * The router's service credential in tests: every harness configures its services with TEST_SUBGRAPH_SECRET, and a
 * test that calls a subgraph directly sends what the router would send, signed with it.
 */
import type { Principal } from '../auth/principal.js';
import { createServiceCredentials } from '../auth/service-credential.js';
import { IDENTITY_EXTENSION } from '../auth/subscriber-identity.js';

export const TEST_SUBGRAPH_SECRET = 'bloomzy-test-subgraph-secret-not-for-production';

const router = createServiceCredentials({ secret: TEST_SUBGRAPH_SECRET, issuer: 'router' });

/** `{ 'x-bloomzy-service': … }` as the router sends it to `subgraph`. */
export const routerHeaders = (subgraph: string): Promise<Record<string, string>> => router.headersFor(subgraph);

/** A subscribe message's `extensions` as the router sends them to `subgraph` for a subscription of `principal`. */
export const routerIdentity = async (subgraph: string, principal: Principal): Promise<Record<string, string>> => ({
  [IDENTITY_EXTENSION]: await router.signIdentity(subgraph, principal),
});
