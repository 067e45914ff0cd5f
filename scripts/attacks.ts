/**
 * `npm run attacks [-- --topology production|in-process]`: replays the attacks that opened the guarded edge (issue 8)
 * against a running stack — by default the production topology (each service its own process, Postgres, Redis;
 * TEST_DATABASE_URL and REDIS_URL say where), or `in-process` as `npm start` runs it — and prints, for each, what the
 * router answered and how fast. Exits 1 if any attack got through. The e2e suites assert each limit; this is the
 * operator's view of all of them at once, with timings.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { NESTED_PLANTS, THOUSAND_ALIASES } from '@bloomzy/router/testing/costly-operations';
import { startStack } from '../test/e2e/harness.js';
import { startTopology } from '../test/e2e/processes.js';

const { values: args } = parseArgs({ options: { topology: { type: 'string', default: 'production' } } });

/**
 * The attacks come from 127.0.0.1, each as its own client: the router believes X-Forwarded-For from loopback here,
 * as it would from a load balancer, so one attack's spent budget does not refuse the next.
 */
const ATTACKER_ADDRESSES = { TRUSTED_PROXIES: 'loopback' };

interface Target {
  routerUrl: string;
  /** Each subgraph's GraphQL URL, reached directly (as an attacker on the network would). */
  subgraphs: Record<'auth' | 'plants' | 'notifications', string>;
  stop(): Promise<void>;
}

async function boot(topology: string): Promise<Target> {
  if (topology === 'in-process') {
    const stack = await startStack({ env: ATTACKER_ADDRESSES });
    return {
      routerUrl: stack.routerUrl,
      subgraphs: { auth: stack.auth.url, plants: stack.plants.url, notifications: stack.notifications.url },
      stop: () => stack.stop(),
    };
  }
  if (topology !== 'production') throw new Error(`--topology is production or in-process, not ${topology}`);
  const t = await startTopology(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    { routerEnv: ATTACKER_ADDRESSES },
  );
  return {
    routerUrl: t.router1.graphqlUrl,
    subgraphs: { auth: t.auth.graphqlUrl, plants: t.plants.graphqlUrl, notifications: t.notificationsA.graphqlUrl },
    stop: () => t.stop(),
  };
}

interface Answer {
  status: number;
  codes: string[];
  errorCount: number;
  bytes: number;
  ms: number;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } | undefined;
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = undefined;
  }
  const errors = body?.errors ?? [];
  return {
    status: res.status,
    codes: [...new Set(errors.map((e) => e.extensions?.code ?? '?'))],
    errorCount: errors.length,
    bytes: text.length,
    ms,
    body,
  };
}

const rows: { attack: string; outcome: string; ok: boolean }[] = [];
function report(attack: string, ok: boolean, outcome: string) {
  rows.push({ attack, outcome, ok });
  console.log(`${ok ? 'refused ' : 'THROUGH '} ${attack}\n         ${outcome}`);
}
const describe = (a: Answer) => `HTTP ${a.status} ${a.codes.join(',') || 'no error'} in ${a.ms.toFixed(1)} ms`;
const uniqueEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@bloomzy.test`;
/** Each attack from its own (forwarded) address, so one attack's budget does not refuse the next. */
let nextAddress = 1;
const fromNewAddress = () => ({ 'x-forwarded-for': `198.51.100.${nextAddress++}` });

const target = await boot(args.topology);
try {
  const url = target.routerUrl;
  console.log(`Bloomzy attack replay; ${args.topology} topology; router ${url}\n`);
  const signup = async (email: string, password = 'green-thumb-1', headers: Record<string, string> = {}) =>
    post(
      url,
      'mutation($input: SignupInput!) { signup(input: $input) { accessToken user { id } } }',
      { input: { email, password } },
      headers,
    );
  const owner = uniqueEmail('owner');
  const ownerSignup = await signup(owner);
  const token = (ownerSignup.body?.data?.signup as { accessToken: string } | undefined)?.accessToken;
  const signedIn = { authorization: `Bearer ${token}` };

  const nested = await post(url, NESTED_PLANTS, {}, signedIn);
  report(
    'plants(first: 10) nested five times (was 20.7 s, 24 CPU-s)',
    nested.codes.includes('COST_LIMIT_EXCEEDED') && nested.ms < 50,
    describe(nested),
  );
  // The median of five: the first request of a fresh router also pays for warming its code up.
  const aliasTries: Answer[] = [];
  for (let i = 0; i < 5; i++) aliasTries.push(await post(url, THOUSAND_ALIASES, {}, fromNewAddress()));
  const aliases = aliasTries.sort((a, b) => a.ms - b.ms)[2]!;
  report(
    '1000 aliases of indoorPlants(first: 100), no token (was 12 s, 15.8 MB)',
    aliases.status >= 400 && aliases.codes.some((c) => c.endsWith('LIMIT_EXCEEDED')) && aliases.ms < 50,
    `${describe(aliases)} (median of 5; ${aliasTries.map((a) => a.ms.toFixed(0)).join(', ')} ms)`,
  );
  const deep = await post(url, `{ me { ${'plants { edges { node { owner { '.repeat(50)}id${' } } } }'.repeat(50)} } }`);
  report(
    'depth 200',
    deep.codes.some((c) => c.endsWith('LIMIT_EXCEEDED')),
    describe(deep),
  );

  const flooder = fromNewAddress();
  const started = performance.now();
  const flood: Answer[] = [];
  for (let round = 0; round < 20; round++) {
    flood.push(...(await Promise.all(Array.from({ length: 100 }, () => post(url, '{ __typename }', {}, flooder)))));
  }
  const refused = flood.filter((a) => a.status === 429 && a.codes.includes('RATE_LIMITED')).length;
  report(
    '2000 requests from one anonymous client',
    refused > 0,
    `${flood.length - refused} served, ${refused} refused (429 RATE_LIMITED) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const guesser = fromNewAddress();
  const LOGIN =
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
  const guesses: Answer[] = [];
  for (let i = 0; i < 40; i++)
    guesses.push(await post(url, LOGIN, { email: uniqueEmail('guess'), password: 'green-thumb-1' }, guesser));
  const firstLimited = guesses.findIndex((a) => a.codes.includes('RATE_LIMITED'));
  report(
    '40 emails × 1 password from one client',
    firstLimited >= 0 && firstLimited < 30,
    firstLimited >= 0 ? `RATE_LIMITED from attempt ${firstLimited + 1}` : 'never limited',
  );

  const lockout = fromNewAddress();
  for (let i = 0; i < 12; i++) await post(url, LOGIN, { email: owner, password: 'wrong-password-1' }, lockout);
  const ownerLogin = await post(url, LOGIN, { email: owner, password: 'green-thumb-1' }, fromNewAddress());
  report(
    "12 wrong passwords for someone else's email, then the owner signs in from her own client",
    ownerLogin.errorCount === 0,
    ownerLogin.errorCount === 0 ? 'the owner signed in' : describe(ownerLogin),
  );

  for (const [name, subgraphUrl] of Object.entries(target.subgraphs)) {
    const sdl = await post(subgraphUrl, '{ _service { sdl } }');
    report(`${name} subgraph: _service { sdl } without the router's credential`, sdl.status === 403, describe(sdl));
  }
  const entities = await post(
    target.subgraphs.auth,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { username role } } }',
    { r: [{ __typename: 'User', id: 'any' }] },
  );
  report('auth subgraph: _entities for a User, anonymous', entities.status === 403, describe(entities));
  const direct = await post(
    target.subgraphs.auth,
    'mutation($input: SignupInput!) { signup(input: $input) { accessToken } }',
    { input: { email: uniqueEmail('direct'), password: 'green-thumb-1' } },
  );
  report('auth subgraph: signup sent straight to it', direct.status === 403, describe(direct));
  const introspect = await fetch(new URL('/internal/api-keys/introspect', target.subgraphs.auth), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: 'bz_anything' }),
  });
  report(
    'auth: /internal/api-keys/introspect without credential',
    introspect.status === 403,
    `HTTP ${introspect.status}`,
  );

  const enums = await post(
    url,
    'mutation($scopes: [ApiKeyScope!]!) { createApiKey(input: { name: "x", scopes: $scopes }) { id } }',
    { scopes: Array.from({ length: 5000 }, () => 'NOT_A_SCOPE') },
    fromNewAddress(),
  );
  report(
    'a list variable of 5000 invalid enum values (was 5000 errors, 6.4 MB)',
    enums.errorCount <= 101 && enums.bytes < 50_000,
    `${describe(enums)}: ${enums.errorCount} errors, ${enums.bytes} bytes`,
  );

  for (const password of ['        ', 'password1', 'Passw0rd']) {
    const weak = await signup(uniqueEmail('weak'), password, fromNewAddress());
    report(`signup with password ${JSON.stringify(password)}`, weak.codes.includes('BAD_USER_INPUT'), describe(weak));
  }
} finally {
  await target.stop();
}

const through = rows.filter((r) => !r.ok);
console.log(`\n${rows.length - through.length} of ${rows.length} attacks refused as stated.`);
if (through.length) process.exitCode = 1;
