/**
 * Starts the auth subgraph: database (migrated when embedded), signing keys, GraphQL on /graphql, the JWKS other
 * services verify tokens with, and the API-key introspection endpoint.
 */
import { serviceCredentials } from '@bloomzy/shared/auth/service-credential';
import {
  createCredentialVerifier,
  CREDENTIAL_ENDPOINTS_AUDIENCE,
  type CredentialVerifier,
} from '@bloomzy/shared/auth/verifier';
import { systemClock, type Clock } from '@bloomzy/shared/clock';
import type { Coordination } from '@bloomzy/shared/coordination';
import { openServiceDatabase, type OpenedDatabase } from '@bloomzy/shared/db/open';
import type { Logger } from '@bloomzy/shared/logger';
import { createOutboxRelay } from '@bloomzy/shared/messaging/outbox';
import type { RunningService } from '@bloomzy/shared/service';
import { startSubgraph } from '@bloomzy/shared/subgraph';
import type { AuthConfig } from './config.js';
import { contextFactory } from './context.js';
import { createAuthDb } from './db/client.js';
import { introspectApiKey } from './domain/api-keys.js';
import { restoreRevocations, startRevocationSync, type RevocationSyncOptions } from './domain/revocation-sync.js';
import { resolvers } from './resolvers/index.js';
import type { AuthRuntime } from './runtime.js';
import { loadSigningKeys } from './tokens/signing-keys.js';

export interface AuthServiceOptions {
  config: AuthConfig;
  coordination: Coordination;
  logger: Logger;
  clock?: Clock;
  /** An already-open database (tests); otherwise opened from config. */
  database?: OpenedDatabase;
  /**
   * Credential verifier (tests may inject one, as for plants and notifications); otherwise auth's own: its signing
   * keys and API-key store in process, without HTTP.
   */
  verifier?: CredentialVerifier;
  /** How often the revocation list is checked and rewritten (tests shorten it). */
  revocationSync?: RevocationSyncOptions;
}

export interface RunningAuthService extends RunningService {
  runtime: AuthRuntime;
}

export async function startAuthService(options: AuthServiceOptions): Promise<RunningAuthService> {
  const { config, coordination, logger } = options;
  // First: a bad secret file stops the service before anything is opened.
  const credentials = await serviceCredentials(config, 'auth');
  const database = await openServiceDatabase(config, 'auth', options.database);
  const db = createAuthDb(database.adapter);
  const keys = await loadSigningKeys({
    inline: config.signingKeys,
    file: config.signingKeysFile,
    dataDir: config.dataDir,
  });
  // Publishes profile events left unpublished by a previous run at once, then whatever each change writes.
  const outbox = createOutboxRelay({ db, events: coordination.events, logger });
  outbox.start();
  const runtime: AuthRuntime = {
    db,
    keys,
    config,
    revocations: coordination.revocations,
    rateLimiter: coordination.rateLimiter,
    outbox,
    clock: options.clock ?? systemClock,
    logger,
  };
  // Before serving: the list may have lost its data while auth was down (or this is a new `npm start` process).
  await restoreRevocations(runtime);
  const revocationSync = startRevocationSync(runtime, options.revocationSync);
  const verifier =
    options.verifier ??
    createCredentialVerifier({
      jwks: keys.getKey,
      apiKeyIntrospection: (key) => introspectApiKey(runtime, key),
      revocations: coordination.revocations,
    });
  // The services that verify credentials call the two endpoints below with a service credential addressed to the
  // token issuer: they know auth by AUTH_URL, not by its subgraph name.
  const issuerEndpoint = { config: { serviceAudience: CREDENTIAL_ENDPOINTS_AUDIENCE } };
  const subgraph = await startSubgraph({
    name: 'auth',
    config,
    logger,
    credentials,
    database: { opened: database, client: db },
    coordination,
    resolvers,
    background: [{ stop: async () => revocationSync.stop() }, outbox],
    context: contextFactory(runtime, verifier),
    routes: (app) => {
      app.get('/.well-known/jwks.json', issuerEndpoint, (_req, reply) =>
        reply.header('cache-control', 'public, max-age=300').send(keys.jwks),
      );
      // Malformed JSON gets a 400 and a body over 10 kB a 413 before this runs.
      app.post('/internal/api-keys/introspect', { ...issuerEndpoint, bodyLimit: 10_000 }, async (req, reply) => {
        const { key } = (req.body ?? {}) as { key?: unknown };
        if (typeof key !== 'string' || key.length > 200) return reply.code(400).send({ error: 'key must be a string' });
        return introspectApiKey(runtime, key);
      });
    },
  });
  return { ...subgraph, runtime };
}
