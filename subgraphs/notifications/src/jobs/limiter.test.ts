/** The dispatcher's webhook limiter: never more than `limit` at once, in order, and `settledTo` waits for the backlog. */
import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.js';

const deferred = () => {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('Limiter', () => {
  it('runs at most `limit` tasks at once, the rest in order as slots free', async () => {
    const limiter = new Limiter(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    const runs = gates.map((gate, i) => limiter.run(async () => (started.push(i), await gate.promise, i)));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.size).toBe(5);
    gates[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.size).toBe(0);
  });

  it('settledTo resolves once the backlog is down to the size asked for', async () => {
    const limiter = new Limiter(1);
    const gates = Array.from({ length: 3 }, deferred);
    const runs = gates.map((gate) => limiter.run(() => gate.promise));
    let settled = false;
    const waiting = limiter.settledTo(1).then(() => (settled = true));
    gates[0]?.resolve();
    await runs[0];
    await Promise.resolve();
    expect(settled).toBe(false); // one running, one waiting
    gates[1]?.resolve();
    await waiting;
    expect(limiter.size).toBe(1);
    gates[2]?.resolve();
    await limiter.settledTo(0);
    expect(limiter.size).toBe(0);
  });
});
