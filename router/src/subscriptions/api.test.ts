import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { notesTypeDefs, usersTypeDefs } from '../testing/test-subgraphs.js';
import { createFederatedSubscriptions } from './index.js';

// No servers here: these paths fail before anything would be fetched.
function supergraph(usersSdl = usersTypeDefs): string {
  const result = composeServices([
    { name: 'users', url: 'http://users.invalid/graphql', typeDefs: usersSdl },
    { name: 'notes', url: 'http://notes.invalid/graphql', typeDefs: notesTypeDefs },
  ]);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

const create = () => createFederatedSubscriptions({ supergraphSdl: supergraph(), context: () => ({}) });
const request = (query: string, operationName?: string) => ({
  document: parse(query),
  operationName,
  variables: undefined,
  context: {},
});

describe('createFederatedSubscriptions (no network)', () => {
  it('turns validation and operation-selection problems into GraphQL errors', async () => {
    const subscriptions = create();
    expect(await subscriptions.subscribe(request('subscription { noteAdded { id nope } }'))).toMatchObject({
      errors: [{ message: 'Cannot query field "nope" on type "Note".' }],
    });
    expect(await subscriptions.subscribe(request('subscription A { noteAdded { id } }', 'B'))).toMatchObject({
      errors: [{ message: 'Unknown operation named "B".' }],
    });
    expect(await subscriptions.subscribe(request('{ notes { id } }'))).toMatchObject({
      errors: [{ message: 'Expected a subscription operation, got a query.' }],
    });
    expect(subscriptions.activeSubscriptions).toBe(0);
  });

  it('rejects queries over the socket when no executeOperation is configured', async () => {
    expect(await create().execute(request('{ notes { id } }'))).toMatchObject({
      errors: [{ message: expect.stringMatching(/Only subscriptions are served over WebSocket/) }],
    });
  });

  it('swaps the supergraph on update() and keeps the old one when the new SDL is invalid', () => {
    const subscriptions = create();
    expect(subscriptions.schema.getType('User')?.toString()).toBe('User');
    const extended = parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type User @key(fields: "id") { id: ID! name: String! email: String }
      type Query { user(id: ID!): User }
    `);
    subscriptions.update(supergraph(extended));
    const user = subscriptions.schema.getType('User');
    expect(user && 'getFields' in user ? Object.keys(user.getFields()) : []).toContain('email');

    const before = subscriptions.schema;
    expect(() => subscriptions.update('this is not a supergraph')).toThrow();
    expect(subscriptions.schema).toBe(before);
  });
});
