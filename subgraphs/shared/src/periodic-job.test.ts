import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { periodicJob } from './periodic-job.js';

/** A run the test finishes by hand. */
function manualRuns() {
  const finishers: Array<(error?: Error) => void> = [];
  const run = vi.fn(
    () => new Promise<void>((resolve, reject) => finishers.push((error) => (error ? reject(error) : resolve()))),
  );
  return { run, finish: (error?: Error) => finishers.shift()!(error) };
}

describe('periodicJob', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs at once, then an interval after each run has finished, never two at a time', async () => {
    const { run, finish } = manualRuns();
    const job = periodicJob({ run, intervalMs: 1_000, onError: vi.fn() });
    job.start();
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000); // the first run is still under way
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    finish();
    await job.stop();
  });

  it('hands a failed run to onError and still runs the next', async () => {
    const { run, finish } = manualRuns();
    const onError = vi.fn();
    const job = periodicJob({ run, intervalMs: 1_000, onError });
    job.start();
    const failure = new Error('database down');
    finish(failure);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onError).toHaveBeenCalledWith(failure);
    expect(run).toHaveBeenCalledTimes(2);
    finish();
    await job.stop();
  });

  it('stop waits for the run under way, says it is stopping, and nothing runs after it', async () => {
    const { run, finish } = manualRuns();
    const job = periodicJob({ run, intervalMs: 1_000, onError: vi.fn() });
    job.start();
    expect(job.stopping).toBe(false);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    expect(job.stopping).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
