import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compose } from '../testing/test-router.js';
import { SupergraphState } from './supergraph.js';

const state = new SupergraphState(
  compose({ users: 'http://127.0.0.1:9/graphql', notes: 'http://127.0.0.1:9/graphql' }),
);

const QUERY = 'subscription ($m: Boolean!) { noteAdded { id mood @include(if: $m) } }';

describe('SupergraphState.plan', () => {
  it('shares one plan between the subscribers of one text, operation and variables', () => {
    // Each subscriber's document is parsed on its own, as graphql-ws does.
    const first = state.plan(parse(QUERY), undefined, { m: true });
    const second = state.plan(parse(QUERY), undefined, { m: true });
    expect('primary' in first).toBe(true);
    expect(second).toBe(first);
  });

  it('plans other variables, texts and documents without a text on their own', () => {
    const planned = state.plan(parse(QUERY), undefined, { m: true });
    expect(state.plan(parse(QUERY), undefined, { m: false })).not.toBe(planned);
    expect(state.plan(parse(`${QUERY} `), undefined, { m: true })).not.toBe(planned);
    expect(state.plan(parse(QUERY, { noLocation: true }), undefined, { m: true })).not.toBe(planned);
  });

  it('still refuses what does not validate, cached text or not', () => {
    state.plan(parse(QUERY), undefined, { m: true });
    const refused = state.plan(parse(QUERY), undefined, {});
    if (!Array.isArray(refused)) throw new Error('planned a subscription without its required variable');
    expect(refused[0]?.message).toMatch(/\$m/);
  });
});
