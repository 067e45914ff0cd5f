/**
 * Bad input through the real router is a client error: a subgraph's own refusal (HTTP 400) reaches the client with its
 * code and message and without the subgraph's URL, NUL bytes are refused before planning, and documents graphql-js
 * could only answer by overflowing its stack are refused with 400, over HTTP and graphql-ws.
 */
import { GraphQLError, GraphQLScalarType, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouterWithSubgraph, type RouterWithSubgraph } from './testing/router-with-subgraph.js';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  scalar Day
  type Query { day(at: Day!): String echo(text: String): String }
`);
let echoed = 0;
const refuse = () => {
  throw new GraphQLError('Day must look like 2026-05-01', { extensions: { code: 'BAD_USER_INPUT' } });
};
const resolvers = {
  Day: new GraphQLScalarType({
    name: 'Day',
    parseValue: (value) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : refuse()),
    serialize: (value) => value,
  }),
  Query: {
    day: (_: unknown, { at }: { at: string }) => at,
    echo: (_: unknown, { text }: { text?: string }) => (echoed++, text ?? null),
  },
};

const fragments = (count: number) =>
  `{ ...F0 }\n${Array.from({ length: count }, (_, i) => `fragment F${i} on Query { __typename ${i + 1 < count ? `...F${i + 1}` : ''} }`).join('\n')}`;
const deep = (levels: number) => `{ ${'echo { '.repeat(levels)}x${' }'.repeat(levels)} }`;

describe('bad input through the router', () => {
  let router: RouterWithSubgraph;
  beforeAll(async () => {
    // Token, depth and alias limits far above the defaults: what stops the documents below must be the guard.
    router = await startRouterWithSubgraph({
      typeDefs,
      resolvers,
      env: { NODE_ENV: 'production', SUBGRAPH_SECRET: 'x'.repeat(32), MAX_TOKENS: '1000000', MAX_DEPTH: '1000' },
    });
  });
  afterAll(() => router?.stop());

  it("passes on a subgraph's BAD_USER_INPUT answered with HTTP 400, without its URL", async () => {
    const res = await router.query('query($at: Day!) { day(at: $at) }', { at: 'yesterday' });
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Day must look like 2026-05-01'),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    expect(JSON.stringify(res)).not.toMatch(/127\.0\.0\.1|response/);
    expect((await router.query('query($at: Day!) { day(at: $at) }', { at: '2026-05-01' })).data).toEqual({
      day: '2026-05-01',
    });
  });

  it('refuses NUL bytes with BAD_USER_INPUT naming the argument, before any subgraph sees them', async () => {
    const before = echoed;
    for (const res of [
      await router.query('query($text: String) { echo(text: $text) }', { text: 'a\u0000b' }),
      await router.query('{ echo(text: "a\\u0000b") }'),
    ]) {
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    }
    expect(echoed).toBe(before);
  });

  it('answers 400 to 4000 chained fragments and a 3000-deep selection, over HTTP and graphql-ws', async () => {
    for (const [query, code] of [
      [fragments(4000), 'GRAPHQL_VALIDATION_FAILED'],
      [deep(3000), 'GRAPHQL_PARSE_FAILED'],
    ] as const) {
      const http = await router.query(query);
      expect(http.status).toBe(400);
      expect(http.errors?.[0]?.extensions?.code).toBe(code);
      const ws = await router.overWebSocket(query);
      expect(ws.errors?.[0]?.extensions?.code).toBe(code);
    }
  });
});
