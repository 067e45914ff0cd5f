/**
 * Polling helpers for the e2e suites, which wait on effects that happen elsewhere (an event relayed by the outbox,
 * the dispatcher's loop, a message reaching a receiver, a process coming back).
 */

/** Polls `probe` every 100 ms until it returns something other than `undefined`; throws after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const value = await eventually(probe, (v) => v !== undefined, timeoutMs);
  if (value === undefined) throw new Error('timed out waiting');
  return value;
}

/**
 * Polls `probe` every `everyMs` until `ok` holds of its value or `timeoutMs` has passed, and resolves with the last
 * value either way: the test asserts on it, with a message of its own, or reports it.
 */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  ok: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Polls `condition` every 50 ms until it holds; throws, naming `what`, after `timeoutMs`. */
export async function until(
  condition: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  if (!(await eventually(condition, Boolean, timeoutMs, 50))) throw new Error(`timed out waiting for ${what}`);
}
