/**
 * Polls an asynchronous effect (an event relayed by the outbox, the dispatcher's loop, a message reaching a receiver)
 * every 100 ms until `probe` returns something other than `undefined`; throws after `timeoutMs`.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
