/** What every service start function returns, so npm start, main.ts and tests handle them alike. */
export interface RunningService {
  name: string;
  /** The GraphQL endpoint (http://host:port/graphql). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Runs a service as its own process: starts it, and on SIGINT/SIGTERM stops it cleanly (in-flight requests finish,
 * connections close) before exiting.
 */
export async function runUntilSignal(
  start: () => Promise<{ stop(): Promise<void> }>,
  onStarted?: () => void,
): Promise<void> {
  let service: { stop(): Promise<void> };
  try {
    service = await start();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  onStarted?.();
  let stoppingSince = 0;
  const shutdown = (signal: string) => {
    if (stoppingSince) {
      // Ctrl-C reaches every process of the group and wrappers (npm, tsx) relay it too, so one keypress can arrive
      // twice; only a deliberate second Ctrl-C, a moment later, forces the exit.
      if (Date.now() - stoppingSince > 1_000) process.exit(130);
      return;
    }
    stoppingSince = Date.now();
    console.log(`\n${signal} received, shutting down...`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
