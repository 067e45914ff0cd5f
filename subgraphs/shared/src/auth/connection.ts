/**
 * Authenticating a graphql-ws connection from its connection_init payload, the same way at the router and at a
 * subgraph: `{ authorization: "Bearer <token or API key>" }` (any case), `{ "x-api-key": … }` / `{ apiKey }`, or
 * `{ token }`. Missing, bad or revoked credentials close the socket with 4401, which graphql-ws clients take as final;
 * an expired access token with 4440 and a revocation list being restored with 1013, which they retry, calling their
 * `connectionParams` again (a fresh token); an API key lacking the scope with 4403.
 */
import { GraphQLError } from 'graphql';
import { isDependencyOutage } from '../deps/outage.js';
import { hasScope, type Principal, type Scope } from './principal.js';
import type { CredentialVerifier } from './verifier.js';

/** Credentials as request headers (`authorization`, `x-api-key`), ready to verify and to forward. */
function credentialsFromConnectionParams(params: Record<string, unknown> | undefined): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {}))
    if (typeof value === 'string' && value) lower[key.toLowerCase()] = value;
  const credentials: Record<string, string> = {};
  const authorization = lower.authorization ?? (lower.token ? `Bearer ${lower.token}` : undefined);
  if (authorization) credentials.authorization = authorization;
  const apiKey = lower['x-api-key'] ?? lower.apikey;
  if (apiKey) credentials['x-api-key'] = apiKey;
  return credentials;
}

// graphql-ws' CloseCode values, kept here so this module does not depend on the WebSocket library.
const UNAUTHORIZED = 4401;
const FORBIDDEN = 4403;
/**
 * The access token has expired: refresh it and reconnect. graphql-ws' client retries every 4xxx code but the few it
 * lists as fatal (4400, 4401, 4406, 4409, 4429, 4500, 4004, 4005), so a client whose `connectionParams` returns a
 * fresh token reconnects and resubscribes by itself. 4440 after HTTP 440 "Login Time-out".
 */
export const TOKEN_EXPIRED_CLOSE_CODE = 4440;
/** WebSocket's "Try Again Later", which graphql-ws retries: Redis is away or the revocation list is being restored. */
const TRY_AGAIN_LATER = 1013;

interface ClosableSocket {
  close(code: number, reason: string): void;
}

export interface AuthenticatedConnection {
  principal: Principal;
  credentials: Record<string, string>;
}

/** The caller of a new connection, or null after closing the socket with the right code. */
export async function authenticateConnection(
  verifier: CredentialVerifier,
  params: Record<string, unknown> | undefined,
  socket: ClosableSocket,
  scope: Scope,
): Promise<AuthenticatedConnection | null> {
  const credentials = credentialsFromConnectionParams(params);
  let principal: Principal | null;
  try {
    principal = await verifier.verifyHeaders(credentials);
  } catch (error) {
    // Credentials cannot be checked while Redis is away: 1013 (try again later) is not final for graphql-ws clients,
    // which reconnect, unlike 4401.
    if (isDependencyOutage(error)) {
      socket.close(TRY_AGAIN_LATER, 'Service temporarily unavailable; try again shortly');
      return null;
    }
    const extensions = error instanceof GraphQLError ? error.extensions : {};
    // Close reasons are limited to 123 bytes by the WebSocket protocol.
    const reason = (error as Error).message || 'invalid credentials';
    if (extensions.reason === 'TOKEN_EXPIRED') socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'TOKEN_EXPIRED');
    else if (extensions.code === 'SERVICE_UNAVAILABLE') socket.close(TRY_AGAIN_LATER, reason.slice(0, 120));
    else socket.close(UNAUTHORIZED, `Unauthorized: ${reason}`.slice(0, 120));
    return null;
  }
  if (!principal) {
    socket.close(UNAUTHORIZED, 'Unauthorized: send connectionParams { authorization: "Bearer <token>" }');
    return null;
  }
  if (!hasScope(principal, scope)) {
    socket.close(FORBIDDEN, `Forbidden: this API key lacks the "${scope}" scope`);
    return null;
  }
  return { principal, credentials };
}
