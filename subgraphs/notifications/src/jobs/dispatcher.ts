/**
 * The durable dispatcher: a loop (started at boot, so reminders that fell due while the service was down go out at
 * once) that claims due notifications in batches, delivers them through their channels and records every attempt.
 *
 * Each batch: one claim statement (claims.ts), one read of the batch's users' settings, then
 * - the common case (a first send with only IN_APP to do, or a cancellation) completed set-based in one transaction
 *   (complete-batch.ts) and its live pushes issued together, not awaited one by one;
 * - anything with a webhook (slow, external) on its own per-notification path (deliver-one.ts), at most
 *   `concurrency` at once; the loop claims no further batch while more than `concurrency` of those wait, which is what
 *   the claim lease is sized for (leaseMsFor).
 * Between runs it sleeps until the next dispatch time it knows of (a reminder falling due, a webhook retry), at most
 * `intervalMs`: that bound only matters for work another instance plans, or rows a crashed instance left claimed.
 * With a look-ahead (`lookaheadMs`) it wakes that much earlier and claims what falls due within it, reading the
 * recipients' settings while it waits: at the due instant only the SENT write and the push are left to do.
 *
 * Guarantees (see claims.ts for the mechanics):
 * - Each due notification is claimed by one instance at a time; SENT (and the IN_APP log entry) is written exactly
 *   once, by the claim holder. A crashed instance's claims are retaken when their lease expires.
 * - IN_APP is delivered by that SENT write (the notification is then in the user's list); the live push to
 *   subscribers is published after the commit, by that one instance, so it is sent at most once. A batch's SENT rows
 *   commit together: a crash before that commit leaves the whole batch to be retaken after the lease, with nothing
 *   pushed yet (so no subscriber sees a notification twice); a crash between the commit and the publishes loses only
 *   the live pushes not yet sent, never a notification.
 * - WEBHOOK is at-least-once: a POST that succeeded just before a crash is repeated by the instance that retakes the
 *   claim. Receivers dedupe on `X-Bloomzy-Delivery`. Failures are retried by rescheduling (1 s, 4 s, 16 s), never
 *   by sleeping while holding the claim.
 */
import { randomUUID } from 'node:crypto';
import { consumeMessage, type TraceCarrier } from '@bloomzy/shared/telemetry/propagation';
import type { Notification } from '../db/client.js';
import type { ExternalChannels } from '../delivery/channels.js';
import { createWebhookFetch } from '../delivery/webhook-fetch.js';
import type { FetchLike } from '../delivery/webhook.js';
import { loadSettings, type UserSettings } from '../domain/user-settings.js';
import { notificationTopic, toLive } from '../live/notification-topic.js';
import { claimBatch, leaseMsFor, releaseClaims } from './claims.js';
import { completeBatch, isBulkCompletable, type BatchItem } from './complete-batch.js';
import { deliverOne, type DeliveryRuntime } from './deliver-one.js';
import { observeRound } from './dispatch-metrics.js';
import { Limiter } from './limiter.js';

type Settings = Map<string, UserSettings>;

export interface Dispatcher {
  /** Delivers everything due now, batch by batch; resolves with how many notifications were processed. */
  runOnce(): Promise<number>;
  /** Starts the loop: a run now, then one at the next dispatch time (at most `intervalMs` later). */
  start(): void;
  /** Runs again as soon as possible (something just became due). No-op when the loop is not started. */
  wake(): void;
  /** Stops the loop and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface DispatcherOptions {
  runtime: DeliveryRuntime;
  /** Longest sleep between runs. */
  intervalMs: number;
  fetch?: FetchLike;
  /** Notifications claimed per statement. */
  batchSize?: number;
  /** Batches claimed and completed at once. */
  batchesInFlight?: number;
  /** Notifications on the per-notification (webhook) path at once. */
  concurrency?: number;
  /** EMAIL and WEB_PUSH, handed each notification once it is SENT (delivery/channels.ts). */
  channels?: ExternalChannels;
  /**
   * How far ahead of their due time notifications are claimed (default 0: only what is due). Claiming and reading
   * the recipients' settings then happen before the due instant, which leaves only the SENT write and the live push
   * for after it: a burst of reminders due at one instant goes out that much sooner.
   */
  lookaheadMs?: number;
}

/** A run stops after this many batches and lets the next tick continue, so stop() is never kept waiting long. */
const MAX_BATCHES_PER_RUN = 100;
/** Timers may fire a millisecond early; waking a little after the due time saves an empty run. */
const TIMER_SLACK_MS = 2;
/**
 * Rows claimed ahead are sent in groups falling due within this span of each other (each group once its last row is
 * due), so a batch spread over the look-ahead is not one write per row, nor held back to its last row.
 */
const DUE_GROUP_MS = 50;

/** When `n` is due for dispatch, in epoch ms (a claimed row always has a dispatchAt). */
const dueAt = (n: Notification) => n.dispatchAt?.getTime() ?? 0;

/** `rows` (ordered by dispatchAt) in runs whose due times lie within DUE_GROUP_MS of the run's first. */
function dueGroups(rows: readonly Notification[]): Notification[][] {
  const groups: Notification[][] = [];
  let current: Notification[] = [];
  let start = 0;
  for (const row of rows) {
    const at = dueAt(row);
    if (current.length > 0 && at - start > DUE_GROUP_MS) {
      groups.push(current);
      current = [];
    }
    if (current.length === 0) start = at;
    current.push(row);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** `rows` split by `test`: those that pass, then the others, each in their order. */
function partition<T>(rows: readonly T[], test: (row: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const row of rows) (test(row) ? yes : no).push(row);
  return [yes, no];
}

const latestDue = (rows: readonly Notification[]) => Math.max(...rows.map(dueAt));

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { runtime } = options;
  const { db, clock, logger, pubsub, config } = runtime;
  // Ours checks where a webhook's host resolves as it connects (delivery/webhook-fetch.ts); tests may pass their own.
  const webhookFetch = options.fetch
    ? { fetch: options.fetch, close: async () => undefined }
    : createWebhookFetch({ allowPrivate: config.webhookAllowPrivate });
  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? 50;
  const inFlight = options.batchesInFlight ?? 2;
  const lookaheadMs = options.lookaheadMs ?? 0;
  const leaseMs = leaseMsFor(config.webhookTimeoutMs, batchSize * inFlight, concurrency);

  let stopped = false;
  let started = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  /** The planning trace of `n`: each dispatch is a trace of its own, linked to the one that planned it. */
  const traced = <T>(n: Notification, fn: () => Promise<T>) =>
    consumeMessage(
      'dispatch notification',
      { 'bloomzy.notification.type': n.type },
      (n.traceContext ?? undefined) as TraceCarrier | undefined,
      fn,
    );

  /** Live pushes of the rows a batch just sent, all issued at once (the Redis client pipelines them). */
  const publishAll = (sent: readonly Notification[]) =>
    Promise.all(
      sent.map((n) =>
        traced(n, () => pubsub.publish(notificationTopic(n.userId), toLive(n))).catch((error: unknown) =>
          logger.error('live push failed (the notification is stored and listed)', { id: n.id, error }),
        ),
      ),
    );

  const settingsOf = (rows: readonly Notification[]) =>
    loadSettings(
      db,
      rows.map((n) => n.userId),
    );

  async function dispatchBatch(
    claimed: Notification[],
    token: string,
    slow: Limiter,
    pushes: Promise<unknown>[],
    preloaded?: Settings,
  ) {
    const startedAt = clock.now();
    const settings = preloaded ?? (await settingsOf(claimed));
    const bulk: BatchItem[] = [];
    for (const n of claimed) {
      const s = settings.get(n.userId);
      if (!s) continue;
      if (isBulkCompletable({ n, s })) {
        bulk.push({ n, s });
        continue;
      }
      // An unexpected failure (database gone) leaves the claim to expire; the row is retaken later.
      void slow
        .run(async () => {
          const sent = await traced(n, () => deliverOne(runtime, webhookFetch.fetch, n, s, token));
          if (sent) void options.channels?.deliver([sent]);
        })
        .catch((error: unknown) => logger.error('delivery failed', { id: n.id, error }));
    }
    const now = clock.now();
    const written = await completeBatch(db, token, bulk, { startedAt, now }, config.instanceId);
    const before = new Map(bulk.map(({ n }) => [n.id, n]));
    for (const row of written) {
      const claimedRow = before.get(row.id);
      if (claimedRow) observeRound(claimedRow, row, now);
    }
    if (written.length < bulk.length)
      logger.warn(
        'dispatch claims lost before completion (cancelled while claimed ahead, or retaken by another instance)',
        {
          lost: bulk.length - written.length,
        },
      );
    const sent = written.filter((row) => row.status === 'SENT');
    pushes.push(publishAll(sent));
    // Not awaited: email and push retry with backoff on their own (at most once: after the SENT commit, outside the
    // claim); they never hold up the batch or its lease. deliver() never rejects.
    if (sent.length > 0) void options.channels?.deliver(sent);
  }

  /**
   * A batch claimed ahead: its recipients' settings are read now, then each group of it is sent once due. A row the
   * clock does not find due when its timer fires (a test clock) is released, not sent early.
   */
  async function dispatchAhead(
    claimed: Notification[],
    token: string,
    slow: Limiter,
    sends: Limiter,
    pushes: Promise<unknown>[],
  ) {
    const settings = await settingsOf(claimed);
    for (const group of dueGroups(claimed)) {
      const wait = latestDue(group) - clock.now().getTime();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + TIMER_SLACK_MS));
      const now = clock.now().getTime();
      const [due, early] = partition(group, (n) => dueAt(n) <= now);
      await releaseClaims(
        db,
        token,
        early.map((n) => n.id),
      );
      if (due.length > 0) await sends.run(() => dispatchBatch(due, token, slow, pushes, settings));
    }
  }

  /**
   * Claims and dispatches batches until none is due, `inFlight` batches at a time (so one batch's statements overlap
   * another's publishes); `more` when it stopped at the per-run cap.
   */
  async function run(): Promise<{ processed: number; more: boolean; next: Date | null }> {
    let processed = 0;
    let next: Date | null = null;
    let batches = 0;
    let drained = false;
    const slow = new Limiter(concurrency);
    const pushes: Promise<unknown>[] = [];
    // Batches claimed ahead of one instant all fall due together: sent `inFlight` at a time, in claim order, the first
    // is written and published at once instead of every batch's transaction contending with the others' (with 20
    // batches of one burst in flight together the first publish came half a second after the due instant).
    const sends = new Limiter(inFlight);
    const workers: Promise<void>[] = [];
    // Batches claimed ahead, each waiting for its due time while the workers claim on.
    const ahead: Promise<void>[] = [];
    const worker = async (): Promise<void> => {
      while (!drained && !stopped && batches < MAX_BATCHES_PER_RUN) {
        batches++;
        await slow.settledTo(concurrency);
        const token = `${config.instanceId}:${randomUUID()}`;
        const now = clock.now();
        const dueBy = new Date(now.getTime() + lookaheadMs);
        const found = await claimBatch(db, { now, dueBy, token, leaseMs, limit: batchSize });
        const claimed = found.claimed;
        next = found.next;
        if (claimed.length === 0) {
          drained = true;
          break;
        }
        // A full batch suggests more is due: only then do further workers join (an idle look stays one statement).
        if (claimed.length === batchSize && workers.length < inFlight) workers.push(worker());
        processed += claimed.length;
        // A failed batch (database gone) leaves its claims to expire; the rows are retaken later.
        const [dueNow, later] = partition(claimed, (n) => dueAt(n) <= now.getTime());
        if (later.length > 0) ahead.push(dispatchAhead(later, token, slow, sends, pushes));
        if (dueNow.length > 0) await dispatchBatch(dueNow, token, slow, pushes);
      }
    };
    try {
      workers.push(worker());
      // Every worker is awaited (one that failed does not leave the others unobserved); the first failure is rethrown.
      const failures: unknown[] = [];
      for (let i = 0; i < workers.length; i++) {
        await workers[i]?.catch((error: unknown) => {
          failures.push(error);
          drained = true;
        });
      }
      // The batches claimed ahead are part of this run: it ends once they are sent (within the look-ahead).
      for (const result of await Promise.allSettled(ahead))
        if (result.status === 'rejected') failures.push(result.reason);
      if (failures.length > 0) throw failures[0];
      return { processed, more: !drained && !stopped, next };
    } finally {
      await slow.settledTo(0);
      await Promise.all(pushes);
    }
  }

  /**
   * How long to sleep after a run: until the look-ahead before the next planned dispatch its last claim saw, at most
   * intervalMs.
   */
  function sleepMs(next: Date | null): number {
    if (!next) return options.intervalMs;
    const wait = next.getTime() - clock.now().getTime() - lookaheadMs;
    return Math.min(options.intervalMs, Math.max(0, wait) + TIMER_SLACK_MS);
  }

  function tick(): void {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = run()
      .then(({ more, next }) => (more ? 0 : sleepMs(next)))
      .catch((error: unknown) => {
        logger.error('dispatch run failed', { error });
        return options.intervalMs;
      })
      .then((delay) => {
        running = null;
        if (stopped) return;
        if (again) {
          again = false;
          setImmediate(tick);
        } else {
          timer = setTimeout(tick, delay);
        }
      });
  }

  return {
    runOnce: async () => (await run()).processed,
    start() {
      if (started) return;
      started = true;
      tick();
    },
    wake() {
      if (!started || stopped) return;
      if (timer) {
        clearTimeout(timer);
        tick();
      } else {
        again = true;
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await webhookFetch.close();
    },
  };
}
