/** graphql-ws on the router (federated subscriptions); wired once the subscriptions engine lands. */
import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { RevocationStore } from '@bloomzy/shared/auth/revocations';
import type { Logger } from '@bloomzy/shared/logger';
import type { RouterConfig } from './config.js';
import type { RouterContext, SubgraphInfo } from './gateway.js';

export interface AttachOptions {
  server: Server;
  supergraphSdl: string;
  subgraphs: SubgraphInfo[];
  config: RouterConfig;
  logger: Logger;
  revocations: RevocationStore;
  apollo: ApolloServer<RouterContext>;
}

export function attachSubscriptions(_options: AttachOptions): () => Promise<void> {
  return async () => {};
}
