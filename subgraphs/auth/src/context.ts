/** The per-request context of the auth subgraph: the caller (verified lazily), the runtime and DataLoaders. */
import type { IncomingMessage } from 'node:http';
import { createAuthContext, type AuthContext } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { clientAddress, clientKey } from '@bloomzy/shared/http/client-address';
import { createLoaders, type Loaders } from './loaders.js';
import type { AuthRuntime } from './runtime.js';

export interface Context {
  auth: AuthContext;
  runtime: AuthRuntime;
  loaders: Loaders;
  /** Users who just proved who they are in this request (signup/login/refresh) and may see their private fields. */
  signedIn: Set<string>;
  /** Who is asking, for the per-client sign-in limits: the address the router saw, an IPv6 client as its /64. */
  client: string;
}

export function contextFactory(runtime: AuthRuntime, verifier: CredentialVerifier) {
  return async (req: IncomingMessage): Promise<Context> => ({
    auth: createAuthContext(() => verifier.verifyHeaders(req.headers)),
    runtime,
    loaders: createLoaders(runtime.db),
    signedIn: new Set(),
    client: clientKey(clientAddress(req)),
  });
}
