/**
 * Each operation limit at its default: an operation at the limit passes, one just above is refused with
 * OPERATION_LIMIT_EXCEEDED naming the limit; the app's real operations and Sandbox's introspection query pass.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@bloomzy/shared/paths';
import { loadRouterConfig } from '../config.js';
import { DASHBOARD, INTROSPECTION } from '../testing/app-operations.js';
import { operationLimitRules, operationLimits, refuseLongDocument } from './operation-limits.js';

const defaults = loadRouterConfig({ NODE_ENV: 'test' }).operationLimits;

const typeDefs = `type Query { node(tags: [Int]): Node } type Node { id: ID! child: Node }`;
const resolvers = { Query: { node: () => ({ id: '1' }) }, Node: { child: () => ({ id: '2' }) } };

const times = (count: number, item: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => item(i)).join(' ');

/** One operation per limit, with `n` of what the limit counts and little of anything else. */
const operations = {
  MAX_DEPTH: (n: number) => `{ node { ${'child { '.repeat(n - 2)}id${' }'.repeat(n - 2)} } }`,
  MAX_ALIASES: (n: number) => `{ node { ${times(n, (i) => `a${i}: id`)} } }`,
  MAX_ROOT_FIELDS: (n: number) => `{ ${times(n, (i) => `r${i}: node { id }`)} }`,
  MAX_DIRECTIVES: (n: number) => `{ node { ${times(n, (i) => `d${i}: id @include(if: true)`)} } }`,
  // 12 tokens around n - 12 list items (repeating a field instead would trip graphql's own validation budget).
  MAX_TOKENS: (n: number) => `{ node(tags: [${times(n - 12, () => '1')}]) { id } }`,
};
const limitOf = {
  MAX_DEPTH: defaults.maxDepth,
  MAX_ALIASES: defaults.maxAliases,
  MAX_ROOT_FIELDS: defaults.maxRootFields,
  MAX_DIRECTIVES: defaults.maxDirectives,
  MAX_TOKENS: defaults.maxTokens,
};

describe('operation limits at their defaults', () => {
  let server: ApolloServer;
  beforeAll(async () => {
    const limits = operationLimits(defaults);
    server = new ApolloServer({
      typeDefs,
      resolvers,
      parseOptions: limits.parseOptions,
      validationRules: limits.validationRules,
      plugins: [limits.plugin],
    });
    await server.start();
  });
  afterAll(() => server?.stop());

  const run = async (query: string) => {
    const response = await server.executeOperation({ query });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, ...response.body.singleResult };
  };

  for (const [limit, operation] of Object.entries(operations)) {
    const max = limitOf[limit as keyof typeof limitOf];

    it(`${limit}: passes at ${max}, refuses ${max + 1} with OPERATION_LIMIT_EXCEEDED`, async () => {
      const at = await run(operation(max));
      expect(at.errors).toBeUndefined();
      expect(at.data).toBeDefined();
      const above = await run(operation(max + 1));
      expect(above.status).toBe(400);
      expect(above.errors).toHaveLength(1);
      expect(above.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit, max });
      expect(above.errors?.[0]?.message).toContain(`(${limit})`);
    });
  }

  it('names what it found', async () => {
    const { errors } = await run(operations.MAX_ALIASES(100));
    expect(errors?.[0]?.message).toBe('Aliases limit of 30 exceeded, found 100 (MAX_ALIASES).');
  });

  it('counts depth through fragments as field nesting, and root fields through fragments', async () => {
    const deep = `{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { ${'child { '.repeat(11)}id${' }'.repeat(11)} }`;
    expect((await run(deep)).errors).toBeUndefined();
    const wide = `{ ...Q ... on Query { r20: node { id } } } fragment Q on Query { ${times(20, (i) => `r${i}: node { id }`)} }`;
    expect((await run(wide)).errors?.[0]?.extensions).toMatchObject({ limit: 'MAX_ROOT_FIELDS' });
  });

  it('leaves a syntax error in a long document a syntax error', async () => {
    const { errors } = await run(`{ node { id ) ${times(defaults.maxTokens, () => 'id')} } }`);
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('lets the introspection query through', async () => {
    const { errors, data } = await run(INTROSPECTION);
    expect(errors).toBeUndefined();
    expect(data).toHaveProperty('__schema');
  });
});

describe('the app’s operations against the API schema', () => {
  const api = buildSchema(readFileSync(path.join(repoRoot, 'schema', 'api.graphql'), 'utf8'));
  const rules = [...specifiedRules, ...operationLimitRules(defaults)];

  it('lets the dashboard and the introspection query through', () => {
    for (const query of [DASHBOARD, INTROSPECTION]) {
      expect(validate(api, parse(query, { maxTokens: defaults.maxTokens }), rules)).toEqual([]);
    }
  });
});

describe('refuseLongDocument (graphql-ws)', () => {
  it('passes a document at the token limit and refuses one above it', () => {
    expect(refuseLongDocument(defaults, operations.MAX_TOKENS(defaults.maxTokens))).toBeUndefined();
    const refused = refuseLongDocument(defaults, operations.MAX_TOKENS(defaults.maxTokens + 1));
    expect(refused?.map((error) => error.extensions)).toEqual([
      { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'MAX_TOKENS', max: defaults.maxTokens },
    ]);
  });
});
