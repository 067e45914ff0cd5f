import type { GraphQLDataSource } from '@apollo/gateway';
import { describe, expect, it } from 'vitest';
import { batchEntityFetches } from './entity-batch.js';

type ProcessOptions = Parameters<GraphQLDataSource['process']>[0];

const ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on User{name}}}';

/** A users subgraph that records each request; user "u-bad" resolves with an error at its position. */
function recordingSource() {
  const requests: unknown[][] = [];
  const source: GraphQLDataSource = {
    async process(options) {
      const representations = (options.request.variables?.representations ?? []) as { id: string }[];
      requests.push(representations);
      const errors = representations.flatMap((r, i) =>
        r.id === 'u-bad' ? [{ message: 'no such user', path: ['_entities', i, 'name'] }] : [],
      );
      return {
        data: { _entities: representations.map((r) => (r.id === 'u-bad' ? null : { name: `name of ${r.id}` })) },
        ...(errors.length ? { errors } : {}),
      };
    },
  };
  return { source, requests };
}

const fetch = (source: GraphQLDataSource, ids: string[]) =>
  source.process({
    kind: 'incoming operation',
    request: { query: ENTITIES, variables: { representations: ids.map((id) => ({ __typename: 'User', id })) } },
    context: {},
  } as unknown as ProcessOptions);

describe('entity fetches of events arriving together', () => {
  it('share one request per caller, identical representations sent once, each caller getting its own slice', async () => {
    const { source, requests } = recordingSource();
    const forKey = batchEntityFetches(source, 0);
    const [first, second, third] = await Promise.all([
      fetch(forKey('alice'), ['u1']),
      fetch(forKey('alice'), ['u2', 'u1']),
      fetch(forKey('alice'), ['u1']),
    ]);

    expect(requests).toEqual([
      [
        { __typename: 'User', id: 'u1' },
        { __typename: 'User', id: 'u2' },
      ],
    ]);
    expect(first?.data).toEqual({ _entities: [{ name: 'name of u1' }] });
    expect(second?.data).toEqual({ _entities: [{ name: 'name of u2' }, { name: 'name of u1' }] });
    expect(third?.data).toEqual({ _entities: [{ name: 'name of u1' }] });
  });

  it('never merges fetches of different callers', async () => {
    const { source, requests } = recordingSource();
    const forKey = batchEntityFetches(source, 0);
    await Promise.all([fetch(forKey('alice'), ['u1']), fetch(forKey('bob'), ['u1'])]);
    expect(requests).toHaveLength(2);
  });

  it('hands each caller the errors about its own entities, with paths into its own slice', async () => {
    const { source } = recordingSource();
    const forKey = batchEntityFetches(source, 0);
    const [clean, failing] = await Promise.all([
      fetch(forKey('alice'), ['u1']),
      fetch(forKey('alice'), ['u2', 'u-bad']),
    ]);
    expect(clean?.errors).toBeUndefined();
    expect(failing?.errors).toEqual([{ message: 'no such user', path: ['_entities', 1, 'name'] }]);
    expect(failing?.data).toEqual({ _entities: [{ name: 'name of u2' }, null] });
  });
});
