/**
 * In-flight de-duplication: while a fetch is under way, an identical one (same subgraph URL, same body, same
 * credentials — the caller decides the key) waits for its answer instead of being sent again. Nothing is kept once the
 * answer arrives: this is no cache, a fetch that starts after the first one finished is sent. Only for queries; a
 * mutation sent twice must run twice.
 */
export interface InFlight<T> {
  /**
   * Runs `start` unless a run under `key` is under way; resolves (or rejects) as that run does. `joined` is called
   * when this call joins a run under way.
   */
  run(key: string, start: () => Promise<T>, joined?: () => void): Promise<T>;
  /** Runs that joined one already under way, since start (for the benchmark and tests). */
  readonly shared: number;
}

export function inFlight<T>(): InFlight<T> {
  const running = new Map<string, Promise<T>>();
  let shared = 0;
  return {
    run(key, start, joined) {
      const current = running.get(key);
      if (current) {
        shared++;
        joined?.();
        return current;
      }
      const promise = start().finally(() => running.delete(key));
      running.set(key, promise);
      return promise;
    },
    get shared() {
      return shared;
    },
  };
}
