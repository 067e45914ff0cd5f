/**
 * Who one subscription on a multiplexed (router) connection is for: the identity the router signed into the
 * subscribe message's `extensions.identity` (shared/auth/subscriber-identity.ts), verified with the shared secret.
 * Where no secret is configured (local development) there is nothing to verify a signature with, so the subscription
 * must carry the subscriber's own credentials instead (`extensions.authorization`), verified like a request's.
 * Never the client's word: a subscription with neither is refused.
 */
import type { Principal } from '@bloomzy/shared/auth/principal';
import { hasScope } from '@bloomzy/shared/auth/principal';
import type { ServiceCredentials } from '@bloomzy/shared/auth/service-credential';
import { IDENTITY_EXTENSION } from '@bloomzy/shared/auth/subscriber-identity';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';

const CREDENTIAL_PARAMS = ['authorization', 'token', 'x-api-key', 'apikey'];

/** Whether a connection_init payload holds credentials of its own (a client connecting directly). */
export function hasConnectionCredentials(params: Record<string, unknown> | undefined): boolean {
  return Object.entries(params ?? {}).some(
    ([name, value]) => CREDENTIAL_PARAMS.includes(name.toLowerCase()) && typeof value === 'string' && value !== '',
  );
}

/** The verified subscriber, or null. */
export async function subscriberOf(
  extensions: Record<string, unknown> | null | undefined,
  options: { verifier: CredentialVerifier; credentials?: ServiceCredentials | undefined },
): Promise<Principal | null> {
  let principal: Principal | null = null;
  if (options.credentials) {
    principal = await options.credentials.verifyIdentity(extensions?.[IDENTITY_EXTENSION], 'notifications');
  } else {
    const authorization = extensions?.authorization;
    if (typeof authorization !== 'string') return null;
    principal = await options.verifier.verifyHeaders({ authorization }).catch(() => null);
  }
  return principal && hasScope(principal, 'notifications:read') ? principal : null;
}
