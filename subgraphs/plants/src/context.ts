/** The per-request context of the plants subgraph: the caller (verified lazily), the runtime and DataLoaders. */
import type { IncomingMessage } from 'node:http';
import { createAuthContext, type AuthContext } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import { createLoaders, type Loaders } from './loaders.js';
import type { PlantsRuntime } from './runtime.js';

export interface Context {
  auth: AuthContext;
  runtime: PlantsRuntime;
  /** Replaced after each write (see `freshLoaders`), so later fields in the response never read pre-write caches. */
  loaders: Loaders;
}

export function contextFactory(runtime: PlantsRuntime, verifier: CredentialVerifier) {
  return async (req: IncomingMessage): Promise<Context> => ({
    auth: createAuthContext(() => verifier.verifyHeaders(req.headers)),
    runtime,
    loaders: createLoaders(runtime.db, runtime.clock),
  });
}

/**
 * Drops everything the request has cached. Mutations run one after another and each one's selection is resolved
 * before the next starts, so a mutation calls this after writing and its own result (and everything after) is fresh.
 */
export function freshLoaders(ctx: Context): void {
  ctx.loaders = createLoaders(ctx.runtime.db, ctx.runtime.clock);
}
