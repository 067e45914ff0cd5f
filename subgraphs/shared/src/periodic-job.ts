/**
 * A background job that runs now and then again `intervalMs` after each run finishes, so runs never overlap; a failed
 * run goes to `onError` and the next still comes. `stop()` waits for a run under way, and `stopping` lets a long run
 * (one that pages through a table) end between pages.
 */
export interface PeriodicJob {
  start(): void;
  stop(): Promise<void>;
  readonly stopping: boolean;
}

export function periodicJob(options: {
  run: () => Promise<unknown>;
  intervalMs: number;
  onError: (error: unknown) => void;
}): PeriodicJob {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const loop = async () => {
    running = options.run().then(() => undefined, options.onError);
    await running;
    // unref: a job alone never keeps the process alive; the service's server does.
    if (!stopping) timer = setTimeout(() => void loop(), options.intervalMs).unref();
  };

  return {
    start: () => void loop(),
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
    get stopping() {
      return stopping;
    },
  };
}
