/** Waiting for a dependency at start-up: the service exits with a message naming the variable that points at it. */

/** A dependency did not answer within STARTUP_TIMEOUT_SECONDS; `variable` names the setting that points at it. */
export class StartupTimeoutError extends Error {
  constructor(
    readonly variable: string,
    what: string,
    timeoutMs: number,
  ) {
    super(
      `${variable}: ${what} did not answer within ${Math.round(timeoutMs / 1000)} s ` +
        '(STARTUP_TIMEOUT_SECONDS); check that it runs and that the variable points at it',
    );
    this.name = 'StartupTimeoutError';
  }
}

/**
 * Calls `attempt` until it resolves, pausing with capped exponential backoff between failures, and throws the last
 * failure once `timeoutMs` has passed.
 */
export async function retryUntil<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      return await attempt();
    } catch (error) {
      const left = deadline - Date.now();
      if (left <= 0) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
    }
  }
}
