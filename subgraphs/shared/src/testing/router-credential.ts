/**
 * The router's service credential in tests: every harness configures its services with TEST_SUBGRAPH_SECRET, and a
 * test that calls a subgraph directly sends what the router would send, signed with it.
 */
import { createServiceCredentials } from '../auth/service-credential.js';

export const TEST_SUBGRAPH_SECRET = 'bloomzy-test-subgraph-secret-not-for-production';

const router = createServiceCredentials({ secret: TEST_SUBGRAPH_SECRET, issuer: 'router' });

/** `{ 'x-bloomzy-service': … }` as the router sends it to `subgraph`. */
export const routerHeaders = (subgraph: string): Promise<Record<string, string>> => router.headersFor(subgraph);
