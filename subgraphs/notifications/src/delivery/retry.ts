/**
 * Retries of the EMAIL and WEB_PUSH channels. Unlike webhooks (rescheduled by the dispatcher), these run after the
 * notification is SENT and outside any claim, so waiting between attempts holds nothing but this send; the wait is
 * injected (`sleep`) so tests never really wait. Every attempt is reported to `log` as it ends (the delivery log).
 */

export interface AttemptResult {
  ok: boolean;
  /** Worth trying again: a transient failure (SMTP 4xx, connection error, HTTP 429/5xx). */
  retryable: boolean;
  /** HTTP status, or the SMTP reply code. */
  httpStatus: number | null;
  error: string | null;
}

/** Attempts in total per message; the waits between them are 2 s and 8 s. */
const MAX_CHANNEL_ATTEMPTS = 3;
const channelRetryDelayMs = (attempt: number): number => 2_000 * 4 ** Math.max(0, attempt - 1);

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `send` until it succeeds, fails for good, or MAX_CHANNEL_ATTEMPTS are used; resolves with the last result. */
export async function withRetries(options: {
  send: (attempt: number) => Promise<AttemptResult>;
  log: (attempt: number, result: AttemptResult, startedAt: Date) => Promise<void>;
  now: () => Date;
  sleep: Sleep;
  /** The first attempt number (several messages of one notification on one channel number theirs apart). */
  firstAttempt?: number;
}): Promise<AttemptResult> {
  const first = options.firstAttempt ?? 1;
  for (let i = 1; ; i++) {
    const startedAt = options.now();
    const result = await options.send(i);
    await options.log(first + i - 1, result, startedAt);
    if (result.ok || !result.retryable || i >= MAX_CHANNEL_ATTEMPTS) return result;
    await options.sleep(channelRetryDelayMs(i));
  }
}
