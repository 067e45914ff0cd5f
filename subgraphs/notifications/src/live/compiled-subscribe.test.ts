import {
  GraphQLBoolean,
  GraphQLError,
  GraphQLID,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  subscribe,
  type ExecutionResult,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from '@bloomzy/shared/scalars';
import { compiledSubscribe } from './compiled-subscribe.js';

interface Row {
  id: string;
  title: string;
  at: Date;
  userId: string;
}

const rows: Row[] = [
  { id: '1', title: 'Water the fern', at: new Date('2026-11-29T08:00:00.000Z'), userId: 'u1' },
  { id: '2', title: 'Mist the orchid', at: new Date('2026-11-29T09:30:00.000Z'), userId: 'u1' },
];

async function* feed(): AsyncGenerator<Row> {
  for (const row of rows) yield row;
}

const Note = new GraphQLObjectType<Row>({
  name: 'Note',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    title: { type: new GraphQLNonNull(GraphQLString) },
    at: { type: new GraphQLNonNull(DateTimeScalar) },
    shout: { type: new GraphQLNonNull(GraphQLString), resolve: (row) => row.title.toUpperCase() },
  },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean, resolve: () => true } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      noteAdded: {
        type: new GraphQLNonNull(Note),
        subscribe: (_root, _args, ctx: { userId?: string }) => {
          if (!ctx.userId) throw new GraphQLError('Sign in first', { extensions: { code: 'UNAUTHENTICATED' } });
          return feed();
        },
        resolve: (row: Row) => row,
      },
    },
  }),
});

const QUERY = 'subscription Live { noteAdded { id title at loud: shout __typename } }';

async function collect(result: AsyncIterableIterator<ExecutionResult> | ExecutionResult): Promise<unknown[]> {
  if (!(Symbol.asyncIterator in result)) return [JSON.parse(JSON.stringify(result))];
  const seen: unknown[] = [];
  for await (const item of result) seen.push(JSON.parse(JSON.stringify(item)));
  return seen;
}

describe('compiledSubscribe', () => {
  const compiled = compiledSubscribe(schema);

  it('gives what graphql-js gives, event by event, for one document sent again and again', async () => {
    const args = () => ({ schema, document: parse(QUERY), contextValue: { userId: 'u1' } });
    const expected = await collect(await subscribe(args()));
    expect(expected).toHaveLength(2);
    for (let i = 0; i < 3; i++) expect(await collect(await compiled(args()))).toEqual(expected);
  });

  it('reports a refused subscription as graphql-js does, code included', async () => {
    const args = () => ({ schema, document: parse(QUERY), contextValue: {} });
    const [refused] = (await collect(await compiled(args()))) as ExecutionResult[];
    expect(refused?.errors?.[0]).toMatchObject({ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } });
    expect(await collect(await compiled(args()))).toEqual(await collect(await subscribe(args())));
  });

  it('runs documents without their text, or of another schema, through graphql-js', async () => {
    const noText = { schema, document: parse(QUERY, { noLocation: true }), contextValue: { userId: 'u1' } };
    expect(await collect(await compiled(noText))).toHaveLength(2);
  });
});
