import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { refuseUnsafeText } from './text-input.js';

const schema = buildSchema(`
  input Note { text: String tags: [String!] }
  type Query { echo(text: String, note: Note, notes: [Note!]): String }
`);
const server = new ApolloServer({
  schema,
  plugins: [refuseUnsafeText()],
  rootValue: { echo: (args: { text?: string }) => args.text ?? 'ok' },
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, errors: response.body.singleResult.errors };
}

describe('refuseUnsafeText', () => {
  const query = 'query($text: String, $notes: [Note!]) { echo(text: $text, notes: $notes) }';

  it.each([
    ['a NUL byte', { text: 'a\u0000b' }, 'text'],
    ['a lone high surrogate', { text: 'plant \ud83c' }, 'text'],
    ['a lone low surrogate', { text: '\udf31 plant' }, 'text'],
    ['one deep in a list of inputs', { notes: [{ text: 'ok' }, { tags: ['x', 'y\u0000'] }] }, 'notes[1].tags[1]'],
  ])('refuses %s in a variable, naming the field', async (_, variables, field) => {
    const { status, errors } = await run(query, variables);
    expect(status).toBe(400);
    expect(errors).toEqual([
      expect.objectContaining({
        message: `${field} contains a NUL character or an unpaired UTF-16 surrogate`,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      }),
    ]);
  });

  it('refuses it in an inline literal, naming the argument and input field', async () => {
    const { status, errors } = await run('{ echo(note: { tags: ["fine", "nul\\u0000"] }) }');
    expect(status).toBe(400);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note.tags[1]' });
  });

  it('lets emoji (paired surrogates) and other text through', async () => {
    const { status, errors } = await run(query, { text: 'Monstera 🌱 déjà vu' });
    expect(errors).toBeUndefined();
    expect(status).toBeUndefined();
  });
});
