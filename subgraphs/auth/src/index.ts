/** The auth subgraph's entry point (`@bloomzy/auth`): how `npm start`, its own process and the tests start it. */
import type { SubgraphModule } from '@bloomzy/shared/service';
import { loadAuthConfig, type AuthConfig } from './config.js';
import { startAuthService } from './service.js';

export const authSubgraph: SubgraphModule<AuthConfig> = {
  loadConfig: loadAuthConfig,
  start: startAuthService,
  issuesCredentials: true,
};
