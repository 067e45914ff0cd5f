import { describe, expect, it } from 'vitest';
import { createBatcher, type Send } from './fetch-batching.js';
import type { SubgraphAnswer } from './subgraph-answer.js';

const op = (name: string) => JSON.stringify({ query: `query ${name}{__typename}` });

/** A subgraph that answers every operation of a batch with its name, recording what it was sent. */
function recordingSend(answer?: (body: string) => SubgraphAnswer) {
  const sent: string[] = [];
  const send: Send = async (_url, _headers, body) => {
    sent.push(body);
    if (answer) return answer(body);
    const one = (operation: { query: string }) => ({ data: { name: operation.query.split(' ')[1]!.split('{')[0] } });
    const parsed = JSON.parse(body) as { query: string } | { query: string }[];
    const value = Array.isArray(parsed) ? parsed.map(one) : one(parsed);
    return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify(value) };
  };
  return { send, sent };
}

const bodyOf = (answer: SubgraphAnswer) => answer.value ?? JSON.parse(answer.text!);

describe('batching of subgraph fetches', () => {
  it('sends fetches to one subgraph that start together as one request, each getting its own answer', async () => {
    const { send, sent } = recordingSend();
    const batcher = createBatcher(send, 1_000_000);
    const answers = await Promise.all(['A', 'B', 'C'].map((name) => batcher.fetch('plants', 'u', {}, op(name))));
    expect(sent).toEqual([`[${op('A')},${op('B')},${op('C')}]`]);
    expect(answers.map(bodyOf)).toEqual([{ data: { name: 'A' } }, { data: { name: 'B' } }, { data: { name: 'C' } }]);
    expect(batcher.stats).toEqual({ batches: 1, batchedOperations: 3 });
  });

  it('sends a lone fetch as a plain request, and fetches under different keys apart', async () => {
    const { send, sent } = recordingSend();
    const batcher = createBatcher(send, 1_000_000);
    await Promise.all([batcher.fetch('plants|alice', 'u', {}, op('A')), batcher.fetch('plants|bob', 'u', {}, op('B'))]);
    expect(sent.sort()).toEqual([op('A'), op('B')]);
  });

  it('does not hold a fetch that starts after the batch left', async () => {
    const { send, sent } = recordingSend();
    const batcher = createBatcher(send, 1_000_000);
    await batcher.fetch('plants', 'u', {}, op('A'));
    await batcher.fetch('plants', 'u', {}, op('B'));
    expect(sent).toEqual([op('A'), op('B')]);
  });

  it("keeps a batch within the subgraph's body limit", async () => {
    const { send, sent } = recordingSend();
    const limit = op('A').length * 2 + 3;
    const batcher = createBatcher(send, limit);
    await Promise.all(['A', 'B', 'C'].map((name) => batcher.fetch('plants', 'u', {}, op(name))));
    expect(sent).toEqual([`[${op('A')},${op('B')}]`, op('C')]);
    for (const body of sent) expect(Buffer.byteLength(body)).toBeLessThanOrEqual(limit);
  });

  it('sends each operation on its own when the subgraph does not answer a batch with an array', async () => {
    const { send, sent } = recordingSend((body) =>
      body.startsWith('[')
        ? { status: 400, headers: {}, text: JSON.stringify({ errors: [{ message: 'batching is off' }] }) }
        : { status: 200, headers: {}, text: JSON.stringify({ data: { ok: body } }) },
    );
    const batcher = createBatcher(send, 1_000_000);
    const answers = await Promise.all(['A', 'B'].map((name) => batcher.fetch('plants', 'u', {}, op(name))));
    expect(sent).toEqual([`[${op('A')},${op('B')}]`, op('A'), op('B')]);
    expect(answers.map(bodyOf)).toEqual([{ data: { ok: op('A') } }, { data: { ok: op('B') } }]);
  });

  it('fails every fetch of a batch that could not be sent', async () => {
    const batcher = createBatcher(async () => {
      throw new Error('ECONNREFUSED');
    }, 1_000_000);
    const results = await Promise.allSettled(['A', 'B'].map((name) => batcher.fetch('plants', 'u', {}, op(name))));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
