/**
 * The Apollo Client set-up the README recommends (section "Live connections, logout and token expiry"), as code the
 * e2e suite runs against the router: queries and mutations over HTTP, subscriptions over graphql-ws, the access token
 * refreshed before it expires, after a TOKEN_EXPIRED refusal, and on every WebSocket (re)connect.
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
}

const REFRESH = `mutation Refresh($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { accessToken refreshToken expiresAt }
}`;

/** graphql-ws close code of an expired access token: reconnect with a fresh one (any other code: back off). */
const TOKEN_EXPIRED_CLOSE_CODE = 4440;

export function createBloomzyClient(options: BloomzyClientOptions) {
  const margin = options.refreshMarginMs ?? 30_000;
  let refreshing: Promise<string> | undefined;

  /** Exchanges the refresh token once, however many requests ask at the same moment. */
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
      return accessToken;
    })().finally(() => (refreshing = undefined)));

  const freshAccessToken = async () => {
    const { accessToken, expiresAt } = options.tokens.get();
    return expiresAt - Date.now() > margin ? accessToken : refresh();
  };

  let lastCloseCode = 0;
  const ws = new GraphQLWsLink(
    createClient({
      url: options.wsUrl,
      ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
      // Called on every (re)connect. The router closes a socket with 4440 when the token it was opened with expires;
      // graphql-ws retries that code, so the client reconnects with a fresh token and resubscribes by itself.
      // After a 4440 the token is refreshed whatever the client's clock says about it.
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
        closed: (event) => {
          lastCloseCode = (event as { code?: number }).code ?? 0;
          // 4401: logged out or revoked; graphql-ws does not retry it.
          if (lastCloseCode === 4401) options.onSignedOut();
        },
      },
    }),
  );

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
