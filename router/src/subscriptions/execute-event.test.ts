import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compose } from '../testing/test-router.js';
import { executeEvent } from './execute-event.js';
import { SupergraphState, type PlannedSubscription } from './supergraph.js';
import type { UpstreamEvent } from './upstream.js';

const state = new SupergraphState(
  compose({ users: 'http://127.0.0.1:9/graphql', notes: 'http://127.0.0.1:9/graphql' }),
);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

function plan(query: string, variables: Record<string, unknown> = {}): PlannedSubscription {
  const planned = state.plan(parse(query), undefined, variables);
  if (!('primary' in planned)) throw new Error(planned.map((e) => e.message).join('\n'));
  return planned;
}

const event = (data: UpstreamEvent['data'], errors?: UpstreamEvent['errors']): UpstreamEvent => ({
  kind: 'event',
  data,
  errors,
});

/** What a client would receive, so that both paths are compared as serialized. */
const asSent = (result: Awaited<ReturnType<typeof executeEvent>>) =>
  JSON.parse(JSON.stringify(result)) as Record<string, unknown>;

describe('executeEvent', () => {
  const events = [
    event({ noteAdded: { __typename: 'Note', id: '1', text: 'hi', mood: null } }),
    event({ noteAdded: { id: 2, text: 'no typename', mood: 'glad', extra: true } }),
    // A null where the schema promises none: the gateway nulls the root and reports it in valueCompletion.
    event({ noteAdded: { __typename: 'Note', id: '3', text: null, mood: 'x' } }),
    event({ noteAdded: null }),
    event({ noteAdded: { __typename: 'Note', id: '4', text: 7, mood: 'a number is not a String' } }),
    event(null, [{ message: 'boom', path: ['noteAdded'] }]),
    event({ noteAdded: { __typename: 'Note', id: '5', text: 'with errors', mood: null } }, [{ message: 'partial' }]),
  ];

  it.each([
    [
      'fields, aliases and __typename',
      'subscription { noteAdded { id t: text __typename kind: __typename mood } }',
      {},
    ],
    [
      'fragments and @include',
      'subscription ($m: Boolean!) { noteAdded { ...F mood @include(if: $m) } } fragment F on Note { id text }',
      { m: false },
    ],
  ])(
    'shapes events of a subscription its owner answers whole as the executor does (%s)',
    async (_, query, variables) => {
      const planned = plan(query, variables);
      expect(planned.rest).toBeUndefined();
      for (const e of events) {
        const directly = await executeEvent(planned, {}, {}, e, silent);
        const executed = await executeEvent(planned, {}, {}, e, silent, { direct: false });
        expect(asSent(directly), JSON.stringify(e)).toEqual(asSent(executed));
      }
    },
  );

  it('answers the owner data itself without the executor only for the selected fields', async () => {
    const planned = plan('subscription { noteAdded { id text } }');
    const result = await executeEvent(
      planned,
      {},
      {},
      event({ noteAdded: { id: '1', text: 'hi', mood: 'not asked for' } }),
      silent,
    );
    expect(result).toEqual({ data: { noteAdded: { id: '1', text: 'hi' } } });
  });
});
