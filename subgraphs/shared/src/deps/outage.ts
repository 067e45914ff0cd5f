/**
 * Recognises the failures that mean "a dependency is away for now" (Redis unreachable or reconnecting) rather than a
 * bug, so that clients get a retryable SERVICE_UNAVAILABLE instead of INTERNAL_SERVER_ERROR, and the process keeps
 * serving what does not need it.
 */

/** ioredis' refusals while its connection is down (see redis-client.ts: no offline queue, one retry per command). */
const REDIS_OUTAGE_MESSAGES = [
  "Stream isn't writeable",
  'Connection is closed',
  'Reached the max retries per request limit',
  'Redis is reconnecting',
];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Whether `error`, or an error it wraps (`originalError`, `cause`), is a dependency outage. */
export function isDependencyOutage(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current);) {
    seen.add(current);
    const { name, message, code } = current as { name?: unknown; message?: unknown; code?: unknown };
    // Redis lost its data and auth has not restored the revocation list yet (auth/revocations.ts).
    if (name === 'MaxRetriesPerRequestError' || name === 'RevocationListIncomplete') return true;
    if (typeof message === 'string' && REDIS_OUTAGE_MESSAGES.some((text) => message.includes(text))) return true;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    const wrapped = current as { originalError?: unknown; cause?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return false;
}
