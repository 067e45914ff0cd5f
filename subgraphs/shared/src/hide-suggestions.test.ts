import { ApolloServer } from '@apollo/server';
import { buildSchema, getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hideSuggestions, withoutSuggestion } from './hide-suggestions.js';

const typeDefs = `
  enum Mood { CALM HAPPY }
  type Thing { name: String }
  type Query { thing(mood: Mood): Thing }
`;
const schema = buildSchema(typeDefs);

/** graphql-js's own messages, suggestions included. */
function messages(): string[] {
  const invalid = ['{ thing { nam } }', '{ thing(mod: CALM) { name } }', '{ thing(mood: CALMM) { name } }'];
  const found = invalid.flatMap((query) => validate(schema, parse(query)).map((error) => error.message));
  const operation = parse('query($mood: Mood) { thing(mood: $mood) { name } }')
    .definitions[0] as OperationDefinitionNode;
  const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], { mood: 'CALMM' }).errors ?? [];
  return [...found, ...coercion.map((error) => error.message)];
}

describe('withoutSuggestion', () => {
  it("drops graphql's suggestion and keeps the rest of the message", () => {
    const all = messages();
    expect(all).toHaveLength(4);
    for (const message of all) expect(message).toContain('Did you mean');
    expect(all.map(withoutSuggestion)).toEqual([
      'Cannot query field "nam" on type "Thing".',
      'Unknown argument "mod" on field "Query.thing".',
      'Value "CALMM" does not exist in "Mood" enum.',
      'Variable "$mood" got invalid value "CALMM"; Value "CALMM" does not exist in "Mood" enum.',
    ]);
  });

  it('leaves other messages alone', () => {
    expect(withoutSuggestion('Did you mean to water it twice today? No.')).toBe(
      'Did you mean to water it twice today? No.',
    );
  });
});

describe('hideSuggestions', () => {
  it('strips validation and variable coercion errors alike', async () => {
    const server = new ApolloServer({ typeDefs, plugins: [hideSuggestions()] });
    await server.start();
    try {
      for (const request of [
        { query: '{ thing { nam } }' },
        { query: 'query($mood: Mood) { thing(mood: $mood) { name } }', variables: { mood: 'CALMM' } },
      ]) {
        const response = await server.executeOperation(request);
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        const [error] = response.body.singleResult.errors ?? [];
        expect(error?.message).toMatch(/"(nam|CALMM)"/);
        expect(error?.message).not.toContain('Did you mean');
      }
    } finally {
      await server.stop();
    }
  });
});
