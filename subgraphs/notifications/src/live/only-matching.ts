/**
 * Filters an async iterator while keeping `return()` immediate. An async generator would not do: its return() waits
 * for the pending next() to settle, so a client leaving a quiet subscription would keep the pub/sub listener forever.
 */
export function onlyMatching<T>(
  source: AsyncIterableIterator<T>,
  keep: (item: T) => boolean,
): AsyncIterableIterator<T> {
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done || keep(result.value)) return result;
      }
    },
    async return() {
      return (await source.return?.()) ?? { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
