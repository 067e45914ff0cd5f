/**
 * The Apollo Client set-up the README recommends (section "Live connections, logout and token expiry"), as code the
 * e2e suite runs against the router: queries and mutations over HTTP, subscriptions over graphql-ws, the access token
 * refreshed before it expires (and handed to the open socket, which thus never expires), after a TOKEN_EXPIRED
 * refusal, and on every WebSocket (re)connect.
 */
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { from, switchMap } from 'rxjs';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, in ms since the epoch (`Date.parse` of the `expiresAt` auth returns). */
  expiresAt: number;
}

export interface BloomzyClientOptions {
  httpUrl: string;
  wsUrl: string;
  /** Where the app keeps its tokens (secure storage on a phone). */
  tokens: { get(): Tokens; set(tokens: Tokens): void };
  /** The session has ended (logged out elsewhere, refresh token revoked): show the sign-in screen. */
  onSignedOut(): void;
  /** Refresh this long before the access token expires (default 30 s), so no request carries a dying token. */
  refreshMarginMs?: number;
  /** A WebSocket implementation where there is no global one (Node 20: the `ws` package). */
  webSocketImpl?: unknown;
  /** Each close of the socket, with its code (telemetry; the tests count 4440s). */
  onSocketClosed?: (code: number) => void;
}

const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { accessToken refreshToken expiresAt }
}`;

/** graphql-ws close code of an expired access token: reconnect with a fresh one (any other code: back off). */
const TOKEN_EXPIRED_CLOSE_CODE = 4440;

export function createBloomzyClient(options: BloomzyClientOptions) {
  const margin = options.refreshMarginMs ?? 30_000;
  let refreshing: Promise<string> | undefined;
  let socketOpen = false;
  let renewal: ReturnType<typeof setTimeout> | undefined;

  /** Exchanges the refresh token once, however many requests ask at the same moment; renews the open socket. */
  const refresh = () =>
    (refreshing ??= (async () => {
      const response = await fetch(options.httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REFRESH, variables: { refreshToken: options.tokens.get().refreshToken } }),
      });
      const { data } = (await response.json()) as {
        data?: { refreshToken: Omit<Tokens, 'expiresAt'> & { expiresAt: string } };
      };
      if (!data) {
        options.onSignedOut();
        throw new Error('The session has ended; sign in again');
      }
      const { accessToken, refreshToken, expiresAt } = data.refreshToken;
      options.tokens.set({ accessToken, refreshToken, expiresAt: Date.parse(expiresAt) });
      if (socketOpen) renewSocket(accessToken);
      return accessToken;
    })().finally(() => (refreshing = undefined)));

  const freshAccessToken = async () => {
    const { accessToken, expiresAt } = options.tokens.get();
    return expiresAt - Date.now() > margin ? accessToken : refresh();
  };

  /** Refreshes ahead of the token's expiry while the socket is open (at least 1 s ahead, to reach the router). */
  const scheduleRenewal = () => {
    clearTimeout(renewal);
    if (!socketOpen) return;
    const due = options.tokens.get().expiresAt - Date.now() - Math.max(margin, 1_000);
    renewal = setTimeout(() => void refresh().catch(() => {}), Math.max(0, due));
  };

  let lastCloseCode = 0;
  const wsClient = createClient({
    url: options.wsUrl,
    ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
    // Called on every (re)connect; after a 4440 (the token expired before it was renewed) the token is refreshed
    // whatever the client's clock says, and graphql-ws reconnects and resubscribes by itself.
    connectionParams: async () => ({
      authorization: `Bearer ${await (lastCloseCode === TOKEN_EXPIRED_CLOSE_CODE ? refresh() : freshAccessToken())}`,
    }),
    retryAttempts: Infinity,
    retryWait: async (retries) => {
      if (lastCloseCode === TOKEN_EXPIRED_CLOSE_CODE) return; // the token is fresh: at once
      const backoff = Math.min(1_000 * 2 ** retries, 30_000) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, backoff));
    },
    on: {
      connected: () => {
        socketOpen = true;
        scheduleRenewal();
      },
      closed: (event) => {
        socketOpen = false;
        clearTimeout(renewal);
        lastCloseCode = (event as { code?: number }).code ?? 0;
        options.onSocketClosed?.(lastCloseCode);
        // 4401: logged out or revoked; graphql-ws does not retry it.
        if (lastCloseCode === 4401) options.onSignedOut();
      },
    },
  });
  /**
   * Hands the open socket a fresh token: the router moves the connection's expiry, so it never closes with 4440 and
   * no live event is missed. Any operation with `extensions.authorization` does it.
   */
  const renewSocket = (accessToken: string) =>
    wsClient.subscribe(
      { query: 'query Renew { __typename }', extensions: { authorization: `Bearer ${accessToken}` } },
      { next: () => {}, error: () => {}, complete: scheduleRenewal },
    );
  const ws = new GraphQLWsLink(wsClient);

  const auth = new SetContextLink(async ({ headers }) => ({
    headers: { ...headers, authorization: `Bearer ${await freshAccessToken()}` },
  }));
  // A token the client thought valid was refused as expired (a clock off by a minute): refresh and retry once.
  const retryExpired = new ErrorLink(({ error, operation, forward }) => {
    const expired =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.reason === 'TOKEN_EXPIRED');
    if (!expired || operation.getContext().retriedAfterRefresh) return;
    operation.setContext({ retriedAfterRefresh: true });
    return from(refresh()).pipe(switchMap(() => forward(operation)));
  });
  const http = ApolloLink.from([retryExpired, auth, new HttpLink({ uri: options.httpUrl })]);

  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.split(({ query }) => isSubscriptionOperation(query), ws, http),
  });
}
