/**
 * The schedule reconciler: makes notifications' copy of every plant's next watering catch up with the database.
 *
 * Each run pages through the plants that may need an event (keyset by id, their schedules read in one batch per page),
 * recomputes their schedules with the injected clock and publishes an event (reason RECONCILED) for each plant that is
 * - unpublished: a committed change whose own publish failed or never ran (see events/care-schedule-events.ts), or
 * - drifted: its next watering or another care task's due date moved without anyone touching it (season — e.g.
 *   fertilizing pausing for winter —, the owner's profile, a species edit), or it is archived while notifications may
 *   still hold a due date.
 *
 * Several plants instances may run it at once: a plant is claimed (stamped and leased) in one statement that skips
 * plants stamped since they were read, leased by a publisher or locked by a writer, so two runs do not publish the
 * same change twice. A run over N plants costs about 9 statements per batch of RECONCILE_BATCH_SIZE, however many are
 * due.
 */
import { periodicJob } from '@bloomzy/shared/periodic-job';
import { otherTasksDrifted } from '../care/other-tasks-drift.js';
import type { UserPlant } from '../db/client.js';
import { claimForPublish, publicationCandidates } from '../db/schedule-publication.js';
import { readOtherTasks } from '../domain/care-schedules.js';
import { readNextWaterings } from '../domain/plant-schedules.js';
import { PUBLISH_LEASE_MS, publishStamped } from '../events/care-schedule-events.js';
import type { PlantsRuntime } from '../runtime.js';
import { publicationStaleness } from './publication-staleness.js';

/** Plants per statement: large enough that a run is a few round trips, small enough to keep each result cheap. */
const RECONCILE_BATCH_SIZE = 200;

export interface ScheduleReconcilerOptions {
  /** Pause between the end of one run and the start of the next (SCHEDULE_RECONCILE_INTERVAL_MS). */
  intervalMs: number;
  batchSize?: number;
}

interface ReconcileReport {
  /** Plants read. */
  scanned: number;
  /** Plants that needed an event; those neither published nor failed were claimed by another publisher. */
  due: number;
  published: number;
  failed: number;
}

export interface ScheduleReconciler {
  /** One full pass; publish failures are counted (and end the pass), database errors are thrown. */
  runOnce(): Promise<ReconcileReport>;
  /** Runs now, then `intervalMs` after each run ends (runs never overlap), until stop(). */
  start(): void;
  /** Cancels the next run and waits for the current one, which ends after its current batch. */
  stop(): Promise<void>;
}

export function createScheduleReconciler(
  runtime: PlantsRuntime,
  options: ScheduleReconcilerOptions,
): ScheduleReconciler {
  const batchSize = options.batchSize ?? RECONCILE_BATCH_SIZE;

  async function reconcileBatch(plants: readonly UserPlant[], report: ReconcileReport): Promise<void> {
    const now = runtime.clock.now();
    const [next, others] = await Promise.all([
      readNextWaterings(runtime.db, plants, now),
      readOtherTasks(runtime.db, plants, now),
    ]);
    const due = plants.filter(
      (plant, i) =>
        publicationStaleness(plant, next[i] ?? null, now) !== null ||
        otherTasksDrifted(plant.publishedOtherTasks, others[i] ?? [], now),
    );
    report.due += due.length;
    if (due.length === 0) return;
    const seen = due.map(({ id, scheduleEventAt, publishedAt }) => ({ id, scheduleEventAt, publishedAt }));
    const claimed = await claimForPublish(runtime.db, seen, now, new Date(now.getTime() + PUBLISH_LEASE_MS));
    // Published from the claimed rows, recomputed after the stamp: a change committed since the page was read must not
    // go out under the new stamp with the old schedule.
    const outcome = await publishStamped(runtime, claimed, 'RECONCILED');
    report.published += outcome.published;
    report.failed += outcome.failed;
  }

  async function runOnce(): Promise<ReconcileReport> {
    const report: ReconcileReport = { scanned: 0, due: 0, published: 0, failed: 0 };
    let afterId: string | null = null;
    while (!job.stopping) {
      // One row more than the batch tells whether another page follows, without an empty last query.
      const page = await publicationCandidates(runtime.db, afterId, batchSize + 1);
      const batch = page.slice(0, batchSize);
      report.scanned += batch.length;
      await reconcileBatch(batch, report);
      // After a failed publish the bus is most likely down: the rest waits for the next run instead of failing too.
      if (page.length <= batchSize || report.failed > 0) break;
      afterId = batch[batch.length - 1]?.id ?? null;
    }
    if (report.published > 0 || report.failed > 0) runtime.logger.info('care schedules reconciled', { ...report });
    return report;
  }

  const job = periodicJob({
    run: runOnce,
    intervalMs: options.intervalMs,
    onError: (error) =>
      runtime.logger.error('care-schedule reconcile run failed; retrying at the next interval', { error }),
  });

  return { runOnce, start: job.start, stop: job.stop };
}
