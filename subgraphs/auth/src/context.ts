/** The per-request context of the auth subgraph: the caller (verified lazily), the runtime and DataLoaders. */
import type { IncomingMessage } from 'node:http';
import { createAuthContext, type AuthContext } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { createLoaders, type Loaders } from './loaders.js';
import type { AuthRuntime } from './runtime.js';

export interface Context {
  auth: AuthContext;
  runtime: AuthRuntime;
  loaders: Loaders;
  /** Users who just proved who they are in this request (signup/login/refresh) and may see their private fields. */
  signedIn: Set<string>;
}

export function contextFactory(runtime: AuthRuntime, verifier: CredentialVerifier) {
  return async (req: IncomingMessage): Promise<Context> => ({
    auth: createAuthContext(() => verifier.verifyHeaders(req.headers)),
    runtime,
    loaders: createLoaders(runtime.db),
    signedIn: new Set(),
  });
}
