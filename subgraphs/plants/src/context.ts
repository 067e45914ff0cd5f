/** The per-request context of the plants subgraph: the caller (verified lazily), domain deps and DataLoaders. */
import type { IncomingMessage } from 'node:http';
import { createAuthContext, type AuthContext } from '@bloomzy/shared/auth/principal';
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import type { PlantsDeps } from './domain/deps.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  auth: AuthContext;
  deps: PlantsDeps;
  /** Replaced after each write (see `freshLoaders`), so later fields in the response never read pre-write caches. */
  loaders: Loaders;
}

export function contextFactory(deps: PlantsDeps, verifier: CredentialVerifier) {
  return async (req: IncomingMessage): Promise<Context> => ({
    auth: createAuthContext(() => verifier.verifyHeaders(req.headers)),
    deps,
    loaders: createLoaders(deps.db, deps.clock),
  });
}

/**
 * Drops everything the request has cached. Mutations run one after another and each one's selection is resolved
 * before the next starts, so a mutation calls this after writing and its own result (and everything after) is fresh.
 */
export function freshLoaders(ctx: Context): void {
  ctx.loaders = createLoaders(ctx.deps.db, ctx.deps.clock);
}
