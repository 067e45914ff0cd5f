/** The per-operation context of the notifications subgraph: the caller (verified lazily), domain deps and DataLoaders. */
import type { IncomingMessage } from 'node:http';
import { createAuthContext, type AuthContext, type Principal } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import type { NotificationsDeps } from './domain/deps.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  auth: AuthContext;
  deps: NotificationsDeps;
  loaders: Loaders;
}

/** HTTP requests: credentials from the request headers. */
export function contextFactory(deps: NotificationsDeps, verifier: CredentialVerifier) {
  return async (req: IncomingMessage): Promise<Context> => ({
    auth: createAuthContext(() => verifier.verifyHeaders(req.headers)),
    deps,
    loaders: createLoaders(deps.db),
  });
}

/** graphql-ws operations: the principal was verified once, when the connection was initialised. */
export function socketContext(deps: NotificationsDeps, principal: Principal): Context {
  return { auth: createAuthContext(async () => principal), deps, loaders: createLoaders(deps.db) };
}
