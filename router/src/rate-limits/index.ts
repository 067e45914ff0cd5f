/**
 * Per-client rate limits at the router. A client is its user, else its API key, else its address
 * (client-identity.ts); each has a request budget and a cost budget per window (budgets.ts), shared by every router
 * through Redis. Over HTTP the request budget is spent before the body is read (http-request-budget.ts) and the cost
 * budget once the operation's cost is known, before planning (cost-budget-plugin.ts); graphql-ws operations spend the
 * same budgets, and sockets and subscriptions are capped per client (websocket-limits.ts).
 */
import type { CredentialVerifier } from '@bloomzy/shared/auth/verifier';
import type { Coordination } from '@bloomzy/shared/coordination';
import type { Logger } from '@bloomzy/shared/logger';
import { createBudgets, type BudgetSettings } from './budgets.js';
import { costBudgetPlugin } from './cost-budget-plugin.js';
import { createHttpRequestBudget, type HttpRequestBudget } from './http-request-budget.js';
import { createWebSocketLimits, type WebSocketLimits, type WebSocketLimitSettings } from './websocket-limits.js';

export type { ClientIdentity } from './client-identity.js';
export type { WebSocketLimits } from './websocket-limits.js';

export interface RateLimitSettings extends BudgetSettings, WebSocketLimitSettings {}

export interface RateLimitsOptions {
  settings: RateLimitSettings;
  /** The router's verifier of access tokens and API keys (shared with graphql-ws authentication). */
  verifier: CredentialVerifier;
  logger: Logger;
  /** Redis shared by every router; without it each router keeps its budgets in memory. */
  redis?: Coordination['redis'] | undefined;
  /** Prefix of the Redis keys (tests give each run its own). */
  keyPrefix?: string;
}

export interface RateLimits {
  /** fastify onRequest hook: HTTP operations spend the request budget; refused with 429 before the body is read. */
  onRequest: HttpRequestBudget['onRequest'];
  /** The client an HTTP request counts against, for its request context (the cost plugin reads it there). */
  clientOf: HttpRequestBudget['clientOf'];
  /** Apollo Server plugin: every operation spends the cost budget of `contextValue.client`. */
  plugin: ReturnType<typeof costBudgetPlugin>;
  webSocket: WebSocketLimits;
}

export function createRateLimits({ settings, verifier, logger, redis, keyPrefix }: RateLimitsOptions): RateLimits {
  const budgets = createBudgets(settings, { redis, ...(keyPrefix ? { keyPrefix } : {}) });
  const http = createHttpRequestBudget({ budgets, verifier, logger });
  return {
    onRequest: http.onRequest,
    clientOf: http.clientOf,
    plugin: costBudgetPlugin(budgets, logger),
    webSocket: createWebSocketLimits(settings, budgets, logger),
  };
}
