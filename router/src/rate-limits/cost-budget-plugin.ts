/**
 * The cost budget, as an Apollo Server plugin, for operations over HTTP and graphql-ws alike: each operation spends
 * its static cost (`contextValue.cost.estimated`, set by the demand-control plugin; 1 when absent) from its client's
 * budget once it is known and before the gateway plans or calls any subgraph.
 *
 * `responseForOperation` is the hook for it: Apollo runs it after every plugin's `didResolveOperation` has finished
 * (so the estimate is there, whatever the plugins' order) and uses the response it returns instead of executing.
 */
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import type { Logger } from '@bloomzy/shared/logger';
import type { Budgets } from './budgets.js';
import type { ClientIdentity } from './client-identity.js';
import { holdRefusal, httpRefusal, logRefusal } from './refusals.js';

/** What this plugin reads from the request context. */
export interface CostedContext extends BaseContext {
  /** The client the operation counts against; operations without one (internal ones) spend nothing. */
  client?: ClientIdentity | undefined;
  /** The operation's static cost, when the demand-control plugin computed it. */
  cost?: { estimated?: number } | undefined;
}

export function costBudgetPlugin(budgets: Budgets, logger: Logger): ApolloServerPlugin<CostedContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue }) {
          const { client, cost } = contextValue;
          if (!client) return null;
          const refusal = await budgets.spendCost(client.key, cost?.estimated ?? 1);
          if (!refusal) return null;
          logRefusal(logger, client, refusal);
          await holdRefusal(refusal);
          const { status, headers, errors } = httpRefusal(refusal);
          return {
            http: { status, headers: new HeaderMap(Object.entries(headers)) },
            body: { kind: 'single', singleResult: { errors } },
          };
        },
      };
    },
  };
}
