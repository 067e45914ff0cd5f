/**
 * Each client's budgets per fixed window: requests (every operation counts 1) and cost (each operation's static cost),
 * on rate-limiter-flexible. With Redis every router spends from the same budget (one atomic script per spend, so
 * concurrent routers never lose a count); without it each router keeps its own, in memory.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Coordination } from '@bloomzy/shared/coordination';

export interface BudgetSettings {
  /** Length of a window; a client's window opens with its first operation and does not slide. */
  windowSeconds: number;
  /** Operations per client per window. */
  requests: number;
  /** Summed static cost per client per window. */
  cost: number;
  /**
   * How long a refusal is held before it is answered (capped by the time left in the window), except the one that
   * crossed the limit. A client flooding from N connections then gets at most N answers per delay instead of as many
   * refusals as the router can write, which would take the router's CPU from every other client. 0 answers at once.
   */
  refusalDelayMs: number;
}

export interface Refusal {
  budget: 'requests' | 'cost';
  /** The budget per window that was exceeded. */
  limit: number;
  windowSeconds: number;
  /** Whole seconds until the window ends (at least 1): when the client may try again. */
  retryAfterSeconds: number;
  /** True for the one refusal that crossed the limit, so a flood is logged once per window, not per request. */
  firstInWindow: boolean;
  /** How long to hold this refusal before answering it (`refusalDelayMs`, 0 for the first one). */
  delayMs: number;
}

export interface Budgets {
  readonly settings: BudgetSettings;
  /** Spends one operation of `clientKey`'s request budget: null when it fits, else the refusal. */
  spendRequest(clientKey: string): Promise<Refusal | null>;
  /** Spends `cost` of `clientKey`'s cost budget: null when it fits, else the refusal. */
  spendCost(clientKey: string, cost: number): Promise<Refusal | null>;
}

export interface BudgetStore {
  /** Redis shared by every router (the coordination's); budgets stay in this process without it. */
  redis?: Coordination['redis'] | undefined;
  /** Prefix of the Redis keys (`<prefix>:requests:<client>`, `<prefix>:cost:<client>`); tests give each run its own. */
  keyPrefix?: string;
}

function limiter(points: number, duration: number, store: BudgetStore, name: string): RateLimiterAbstract {
  const inMemory = new RateLimiterMemory({ points, duration });
  if (!store.redis) return inMemory;
  return new RateLimiterRedis({
    storeClient: store.redis,
    keyPrefix: `${store.keyPrefix ?? 'bloomzy:router-limits'}:${name}`,
    points,
    duration,
    // A client that has spent its budget is refused from this router's memory until its window ends: a flood costs
    // Redis one round trip per router and window, not one per request.
    inMemoryBlockOnConsumed: points,
    // Should Redis be down, each router enforces the budget on its own rather than refusing everyone or no one.
    insuranceLimiter: inMemory,
    rejectIfRedisNotReady: true,
  });
}

export function createBudgets(settings: BudgetSettings, store: BudgetStore = {}): Budgets {
  const requests = limiter(settings.requests, settings.windowSeconds, store, 'requests');
  const costs = limiter(settings.cost, settings.windowSeconds, store, 'cost');

  async function spend(
    budget: Refusal['budget'],
    rateLimiter: RateLimiterAbstract,
    key: string,
    points: number,
  ): Promise<Refusal | null> {
    try {
      await rateLimiter.consume(key, points);
      return null;
    } catch (rejection) {
      // Anything else is the store failing without insurance: a programming error, not a client's doing.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const limit = rateLimiter.points;
      const firstInWindow = rejection.consumedPoints > limit && rejection.consumedPoints - points <= limit;
      return {
        budget,
        limit,
        windowSeconds: settings.windowSeconds,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        firstInWindow,
        delayMs: firstInWindow ? 0 : Math.max(0, Math.min(settings.refusalDelayMs, rejection.msBeforeNext)),
      };
    }
  }

  return {
    settings,
    spendRequest: (key) => spend('requests', requests, key, 1),
    // A cost of 0 (or a missing one, which callers pass as 1) still spends at least one point, so the cost budget
    // also bounds operations the estimate calls free.
    spendCost: (key, cost) => spend('cost', costs, key, Math.max(1, Math.ceil(cost))),
  };
}
