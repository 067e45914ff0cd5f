/** The per-operation context of the notifications subgraph: the caller (verified lazily), the runtime and DataLoaders. */
import type { IncomingMessage } from 'node:http';
import { createAuthContext, type AuthContext, type Principal } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { createLoaders, type Loaders } from './loaders.js';
import type { NotificationsRuntime } from './runtime.js';

export interface Context {
  auth: AuthContext;
  runtime: NotificationsRuntime;
  loaders: Loaders;
}

/** HTTP requests: credentials from the request headers. */
export function contextFactory(runtime: NotificationsRuntime, verifier: CredentialVerifier) {
  return async (req: IncomingMessage): Promise<Context> => ({
    auth: createAuthContext(() => verifier.verifyHeaders(req.headers)),
    runtime,
    loaders: createLoaders(runtime.db),
  });
}

/** graphql-ws operations: the principal was verified once, when the connection was initialised. */
export function socketContext(runtime: NotificationsRuntime, principal: Principal): Context {
  return { auth: createAuthContext(async () => principal), runtime, loaders: createLoaders(runtime.db) };
}
