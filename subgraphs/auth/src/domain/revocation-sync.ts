/**
 * Keeps the shared revocation list (Redis) holding what auth's database says. The database is the source of truth:
 * a session or API key is revoked there first (revokedAt), then listed. Redis may lose the list (a restart without
 * persistence, a failover, a flush); verifiers then refuse with a retryable error instead of reading "not revoked"
 * (see shared/auth/revocations.ts), and this job restores it from the database within a check interval.
 *
 * It restores at start-up too, so a whole `npm start` restarted (its in-memory list empty) keeps logged-out tokens
 * out, and rewrites the list from the database every `rewriteEveryMs`, which repairs an entry whose write failed
 * while Redis was unreachable (the logout reported the failure, but the database had already revoked the session).
 */
import { apiKeysRevokedSince } from '../db/api-keys.js';
import { sessionsRevokedSince } from '../db/sessions.js';
import type { AuthRuntime } from '../runtime.js';
import { API_KEY_REVOCATION_SECONDS } from './api-keys.js';
import { sessionRevocationSeconds } from './sessions.js';

export interface RevocationSyncOptions {
  /** How often the list's completeness is checked (one Redis GET); a lost list is restored within this. */
  checkEveryMs?: number;
  /** How often every live revocation is rewritten from the database. */
  rewriteEveryMs?: number;
}

export interface RevocationSync {
  stop(): void;
}

/** Revocations that still matter at `now`: whose tokens or cached introspections may still be presented. */
export async function liveRevocations(runtime: AuthRuntime, now = runtime.clock.now()) {
  const sessionSeconds = sessionRevocationSeconds(runtime.config);
  const [sessions, apiKeys] = await Promise.all([
    sessionsRevokedSince(runtime.db, new Date(now.getTime() - sessionSeconds * 1000)),
    apiKeysRevokedSince(runtime.db, new Date(now.getTime() - API_KEY_REVOCATION_SECONDS * 1000)),
  ]);
  const left = (revokedAt: Date | null, seconds: number) =>
    ((revokedAt ?? now).getTime() + seconds * 1000 - now.getTime()) / 1000;
  return [
    ...sessions.map(({ id, revokedAt }) => ({ id, ttlSeconds: left(revokedAt, sessionSeconds) })),
    ...apiKeys.map(({ id, revokedAt }) => ({ id, ttlSeconds: left(revokedAt, API_KEY_REVOCATION_SECONDS) })),
  ].filter(({ ttlSeconds }) => ttlSeconds > 0);
}

/** Restores the list once (start-up); throws when Redis or the database cannot be reached. */
export async function restoreRevocations(runtime: AuthRuntime): Promise<void> {
  // Another instance restoring at the same moment makes restore() return false: wait for it, then check again.
  for (let attempt = 0; !(await runtime.revocations.restore(() => liveRevocations(runtime))); attempt++) {
    if (attempt >= 50) throw new Error('The revocation list could not be restored (another instance holds it)');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function startRevocationSync(runtime: AuthRuntime, options: RevocationSyncOptions = {}): RevocationSync {
  const checkEveryMs = options.checkEveryMs ?? 1_000;
  const rewriteEveryMs = options.rewriteEveryMs ?? 30_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastRewrite = Date.now();
  let failing = false;
  const tick = async () => {
    try {
      const rewrite = Date.now() - lastRewrite >= rewriteEveryMs;
      if (rewrite || !(await runtime.revocations.isComplete())) {
        const restored = await runtime.revocations.restore(() => liveRevocations(runtime));
        if (restored) {
          if (!rewrite) runtime.logger.warn('revocation list was lost (Redis data loss); restored from the database');
          lastRewrite = Date.now();
        }
      }
      if (failing) runtime.logger.info('revocation list sync recovered');
      failing = false;
    } catch (error) {
      // Redis or the database is down: verifiers fail with a retryable error meanwhile; log once per outage.
      if (!failing) runtime.logger.warn('revocation list sync failed; retrying', { error });
      failing = true;
    }
    if (!stopped) timer = setTimeout(() => void tick(), checkEveryMs).unref();
  };
  timer = setTimeout(() => void tick(), checkEveryMs).unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
