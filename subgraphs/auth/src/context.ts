/** The per-request context of the auth subgraph: the caller (verified lazily), domain deps and DataLoaders. */
import type { IncomingMessage } from 'node:http';
import { createAuthContext, type AuthContext } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import type { AuthDeps } from './domain/deps.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  auth: AuthContext;
  deps: AuthDeps;
  loaders: Loaders;
  /** Users who just proved who they are in this request (signup/login/refresh) and may see their private fields. */
  signedIn: Set<string>;
}

export function contextFactory(deps: AuthDeps, verifier: CredentialVerifier) {
  return async (req: IncomingMessage): Promise<Context> => ({
    auth: createAuthContext(() => verifier.verifyHeaders(req.headers)),
    deps,
    loaders: createLoaders(deps.db),
    signedIn: new Set(),
  });
}
