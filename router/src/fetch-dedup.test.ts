import { describe, expect, it } from 'vitest';
import { inFlight } from './fetch-dedup.js';

/** A run the test finishes by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('in-flight de-duplication', () => {
  it('runs an identical fetch once while it is under way, and hands both callers its answer', async () => {
    const runs = inFlight<string>();
    const first = deferred<string>();
    let starts = 0;
    const start = () => (starts++, first.promise);
    const a = runs.run('plants|query|alice', start);
    const b = runs.run('plants|query|alice', start);
    first.resolve('answer');
    expect(await Promise.all([a, b])).toEqual(['answer', 'answer']);
    expect(starts).toBe(1);
    expect(runs.shared).toBe(1);
  });

  it('keeps nothing once the answer arrived: a later identical fetch is sent again (no cache)', async () => {
    const runs = inFlight<number>();
    let starts = 0;
    const start = async () => ++starts;
    expect(await runs.run('k', start)).toBe(1);
    expect(await runs.run('k', start)).toBe(2);
  });

  it('never shares between different keys (another body or other credentials)', async () => {
    const runs = inFlight<string>();
    const [a, b] = await Promise.all([
      runs.run('plants|query|alice', async () => 'alice'),
      runs.run('plants|query|bob', async () => 'bob'),
    ]);
    expect([a, b]).toEqual(['alice', 'bob']);
    expect(runs.shared).toBe(0);
  });

  it('hands a failure to every caller that joined, then forgets it', async () => {
    const runs = inFlight<string>();
    const first = deferred<string>();
    const a = runs.run('k', () => first.promise);
    const b = runs.run('k', () => Promise.resolve('not started'));
    first.reject(new Error('down'));
    await expect(a).rejects.toThrow('down');
    await expect(b).rejects.toThrow('down');
    expect(await runs.run('k', async () => 'back')).toBe('back');
  });
});
