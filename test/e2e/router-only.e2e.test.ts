/**
 * Issue 8: the subgraphs answer only the router. Every route a subgraph serves — GraphQL over HTTP (queries,
 * mutations, `_service`, `_entities`), graphql-ws upgrades, auth's JWKS and API-key introspection — refuses a caller
 * without the router's service credential with 403 and serves one that has it; /health and /ready stay open; and a
 * client's ordinary flow through the router is unaffected.
 */
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CREDENTIAL_ENDPOINTS_AUDIENCE } from '@bloomzy/shared/auth/verifier';
import { errorCode, gql, routerGql, type GraphQLResponse } from '@bloomzy/shared/testing/graphql-client';
import { routerHeaders } from '@bloomzy/shared/testing/router-credential';
import { signupUser, startStack, type Stack } from './harness.js';

type Subgraph = { name: string; url: string };

const forbidden = (res: GraphQLResponse<unknown>) => ({ status: res.status, code: errorCode(res), data: res.data });
const FORBIDDEN = { status: 403, code: 'FORBIDDEN', data: undefined };

/** The status of a graphql-ws handshake with `headers` on the upgrade: 101 once acknowledged, else the HTTP refusal. */
async function upgrade(subgraph: Subgraph, headers: Record<string, string>, token: string): Promise<number> {
  let settle: (status: number) => void = () => {};
  const status = new Promise<number>((resolve) => (settle = resolve));
  const client = createClient({
    url: subgraph.url.replace(/^http/, 'ws'),
    webSocketImpl: class extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, { headers });
        this.on('unexpected-response', (_req, res) => {
          settle(res.statusCode ?? 0);
          this.terminate();
        });
      }
    },
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: { connected: () => settle(101) },
  });
  const timeout = setTimeout(() => settle(0), 5_000);
  try {
    return await status;
  } finally {
    clearTimeout(timeout);
    await client.dispose();
  }
}

describe('subgraphs answer only the router', () => {
  let stack: Stack;
  let subgraphs: Subgraph[];
  beforeAll(async () => {
    stack = await startStack();
    subgraphs = [stack.auth, stack.plants, stack.notifications];
  });
  afterAll(() => stack?.stop());

  it('refuses queries and `_service` sent straight to any subgraph without the credential, and serves them with it', async () => {
    for (const subgraph of subgraphs) {
      for (const query of ['{ __typename }', '{ _service { sdl } }']) {
        expect(forbidden(await gql(subgraph.url, query)), `${subgraph.name}: ${query}`).toEqual(FORBIDDEN);
        const served = await routerGql(subgraph, query);
        expect(served.status, `${subgraph.name}: ${query}`).toBe(200);
        expect(served.errors, `${subgraph.name}: ${query}`).toBeUndefined();
      }
      // The credential is addressed to one subgraph: another one's is refused.
      const elsewhere = subgraphs.find((s) => s !== subgraph) as Subgraph;
      const misaddressed = await gql(subgraph.url, '{ __typename }', {}, await routerHeaders(elsewhere.name));
      expect(forbidden(misaddressed), subgraph.name).toEqual(FORBIDDEN);
    }
  });

  it("refuses `_entities` without the credential: auth discloses no user's profile to a direct caller", async () => {
    const user = await signupUser(stack);
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id username } } }`;
    const representations = { r: [{ __typename: 'User', id: user.user.id }] };
    const direct = await gql(stack.auth.url, ENTITIES, representations);
    expect(forbidden(direct)).toEqual(FORBIDDEN);
    expect(JSON.stringify(direct)).not.toContain(user.user.id);
    const asRouter = await routerGql<{ _entities: { id: string }[] }>(stack.auth, ENTITIES, representations);
    expect(asRouter.data?._entities).toEqual([{ id: user.user.id, username: expect.any(String) }]);
  });

  it('refuses a mutation (signup) sent straight to auth without the credential: no account is created', async () => {
    const SIGNUP = 'mutation($e: String!) { signup(input: { email: $e, password: "green-thumb-1" }) { accessToken } }';
    const LOGIN = 'mutation($e: String!) { login(email: $e, password: "green-thumb-1") { accessToken } }';
    const refusedEmail = `direct-${Date.now()}@bloomzy.test`;
    expect(forbidden(await gql(stack.auth.url, SIGNUP, { e: refusedEmail }))).toEqual(FORBIDDEN);
    expect(errorCode(await stack.query(LOGIN, { e: refusedEmail }))).toBe('UNAUTHENTICATED');
    const servedEmail = `as-router-${Date.now()}@bloomzy.test`;
    expect((await routerGql(stack.auth, SIGNUP, { e: servedEmail })).errors).toBeUndefined();
    expect((await stack.query(LOGIN, { e: servedEmail })).errors).toBeUndefined();
  });

  it("refuses a graphql-ws upgrade to notifications without the credential, and upgrades the router's", async () => {
    const { accessToken } = await signupUser(stack);
    expect(await upgrade(stack.notifications, {}, accessToken)).toBe(403);
    expect(await upgrade(stack.notifications, await routerHeaders('plants'), accessToken)).toBe(403);
    expect(await upgrade(stack.notifications, await routerHeaders(stack.notifications.name), accessToken)).toBe(101);
  });

  it("refuses auth's API-key introspection and JWKS without the service credential", async () => {
    const base = stack.auth.url.replace(/\/graphql$/, '');
    const introspect = async (headers: Record<string, string>) => {
      const res = await fetch(`${base}/internal/api-keys/introspect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ key: 'bzk_not_a_key' }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const jwks = async (headers: Record<string, string>) => await fetch(`${base}/.well-known/jwks.json`, { headers });
    expect(await introspect({})).toMatchObject({
      status: 403,
      body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] },
    });
    // Addressed to the auth subgraph rather than to the credential endpoints: refused too.
    expect((await introspect(await routerHeaders(stack.auth.name))).status).toBe(403);
    const credential = await routerHeaders(CREDENTIAL_ENDPOINTS_AUDIENCE);
    expect(await introspect(credential)).toEqual({ status: 200, body: { active: false } });
    expect((await jwks({})).status).toBe(403);
    const keys = await jwks(credential);
    expect(keys.status).toBe(200);
    expect(((await keys.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });

  it('leaves /health and /ready open on every subgraph', async () => {
    for (const subgraph of subgraphs) {
      const base = subgraph.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/health`)).status, subgraph.name).toBe(200);
      expect((await fetch(`${base}/ready`)).status, subgraph.name).toBe(200);
    }
  });

  it('serves a client through the router as before: tokens, API keys (introspected by plants) and subscriptions', async () => {
    const user = await signupUser(stack);
    const me = await stack.query<{ me: { id: string; plants: { totalCount: number } } }>(
      '{ me { id plants(first: 5) { totalCount } } }',
      {},
      user.headers,
    );
    expect(me.data?.me).toEqual({ id: user.user.id, plants: { totalCount: 0 } });
    const created = await stack.query<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(input: { name: "Hub", scopes: [PROFILE_READ, PLANTS_READ, NOTIFICATIONS_READ] }) { secret } }',
      {},
      user.headers,
    );
    const key = { 'x-api-key': created.data!.createApiKey.secret };
    const viaKey = await stack.query(
      '{ me { plants(first: 1) { totalCount } } notifications { totalCount } }',
      {},
      key,
    );
    expect(viaKey.errors).toBeUndefined();

    const client = stack.wsClient({ authorization: `Bearer ${user.accessToken}` });
    const received = new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        { query: 'subscription { notificationReceived { type recipient { id } } }' },
        { next: (event) => resolve(event.data), error: reject, complete: () => {} },
      );
    });
    // Live push is at-most-once: send a probe until one arrives (the upstream subscription may not exist yet).
    let event: unknown;
    for (let attempt = 0; attempt < 4 && !event; attempt++) {
      expect((await stack.query('mutation { sendTestNotification { id } }', {}, user.headers)).errors).toBeUndefined();
      event = await Promise.race([received, new Promise((resolve) => setTimeout(resolve, 2_500))]);
    }
    expect(event).toEqual({ notificationReceived: { type: 'SYSTEM', recipient: { id: user.user.id } } });
  });
});
