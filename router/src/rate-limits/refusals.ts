/**
 * How a refusal reaches the client: a GraphQL error with code RATE_LIMITED and `extensions.retryAfter` (seconds) and,
 * over HTTP, status 429 with a `Retry-After` header.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLFormattedError } from 'graphql';
import { rateLimited } from '@bloomzy/shared/errors';
import type { Logger } from '@bloomzy/shared/logger';
import { countRefusal } from '../metrics/router-metrics.js';
import type { Refusal } from './budgets.js';
import type { ClientIdentity } from './client-identity.js';

function refusalMessage(refusal: Refusal): string {
  const what = refusal.budget === 'requests' ? `${refusal.limit} operations` : `a cost of ${refusal.limit}`;
  return `Rate limit exceeded: at most ${what} per ${refusal.windowSeconds} s per client; retry in ${refusal.retryAfterSeconds} s`;
}

/** The refusal as a GraphQL error (for graphql-ws). */
export const refusalError = (refusal: Refusal) => rateLimited(refusalMessage(refusal), refusal.retryAfterSeconds);

/** The refusal as an HTTP response: status, headers and the GraphQL error, formatted as Apollo Server formats them. */
export function httpRefusal(refusal: Refusal) {
  const { message, extensions } = refusalError(refusal);
  const error: GraphQLFormattedError = { message, extensions };
  return { status: 429, headers: { 'retry-after': String(refusal.retryAfterSeconds) }, errors: [error] };
}

/** Counts every refusal; logs a client reaching a limit once per window: a flood must not become a flood of log lines. */
export function logRefusal(logger: Logger, client: ClientIdentity, refusal: Refusal): void {
  countRefusal(refusal.budget);
  if (!refusal.firstInWindow) return;
  const { budget, limit, windowSeconds } = refusal;
  logger.warn('client reached its rate limit', { client: client.key, budget, limit, windowSeconds });
}

/** Waits out the refusal's delay (see `BudgetSettings.refusalDelayMs`) before it is answered. */
export async function holdRefusal(refusal: Refusal): Promise<void> {
  if (refusal.delayMs > 0) await sleep(refusal.delayMs);
}
