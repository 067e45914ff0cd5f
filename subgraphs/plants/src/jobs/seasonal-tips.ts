/**
 * The seasonal-tips job: when the season turns in a user's hemisphere, in their time zone, it writes ONE CARE_TIP
 * event for that user (users without active plants get none) saying what changes for their own plants: watering
 * intervals from the watering formula in the new season against the old, fertilizing paused or resumed, misting.
 *
 * A tip is due during the first TIP_WINDOW_DAYS of a season (so a run missed at midnight, or a restart, still sends
 * it, while a new deployment does not send one for a season that started weeks ago). Its tipKey (user, hemisphere,
 * season, year) is recorded in SeasonalTip in the same transaction as the outbox write: a restart, a second instance
 * or a re-run never sends it twice, and the outbox publishes it even if the bus is down at that moment.
 */
import { randomUUID } from 'node:crypto';
import { CARE_TIP_STREAM, type CareTipEvent } from '@bloomzy/shared/messaging/topics';
import { periodicJob } from '@bloomzy/shared/periodic-job';
import { otherCareSchedules, wateringIsOff } from '../care/plant-care.js';
import { currentSeasonStart } from '../care/season-start.js';
import { seasonalTip, type PlantSeasonChange } from '../care/seasonal-tip.js';
import { careOverrides, latestCare } from '../db/care-queries.js';
import type { UserPlant } from '../db/client.js';
import { wateringPages } from '../db/page-queries.js';
import { recordTips, sentTipKeys, usersWithPlants } from '../db/seasonal-tip-queries.js';
import { readProfiles, type Profile } from '../db/user-profiles.js';
import type { PlantsRuntime } from '../runtime.js';
import { plantSchedule, RECENT_WATERINGS } from '../schedule/plant-schedule.js';

/** How long after a season starts its tip may still go out. */
const TIP_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;
const USERS_PER_BATCH = 200;

interface DueTip {
  profile: Profile;
  tipKey: string;
  season: CareTipEvent['season'];
  startedAt: Date;
}

export interface SeasonalTipsOptions {
  /** Pause between the end of one run and the next (SEASONAL_TIPS_INTERVAL_MS). */
  intervalMs: number;
}

export interface SeasonalTips {
  /** One pass over every user with plants; returns how many tips it wrote. */
  runOnce(): Promise<{ sent: number }>;
  start(): void;
  stop(): Promise<void>;
}

const tipKeyOf = (userId: string, hemisphere: string, season: string, year: number) =>
  `${userId}:${hemisphere}:${season}:${year}`;

/** The tips due at `now` for these users: in the first days of their season, and not sent yet. */
async function dueTips(runtime: PlantsRuntime, userIds: readonly string[], now: Date): Promise<DueTip[]> {
  const profiles = await readProfiles(runtime.db, userIds);
  const candidates = profiles.flatMap((profile): DueTip[] => {
    const { season, startedAt, year } = currentSeasonStart(now, profile.hemisphere, profile.timezone);
    if (now.getTime() - startedAt.getTime() > TIP_WINDOW_DAYS * DAY_MS) return [];
    return [{ profile, season, startedAt, tipKey: tipKeyOf(profile.userId, profile.hemisphere, season, year) }];
  });
  const sent = await sentTipKeys(
    runtime.db,
    candidates.map((c) => c.tipKey),
  );
  return candidates.filter((c) => !sent.has(c.tipKey));
}

/** Each plant's schedules just before its owner's season started and now: five statements for the whole batch. */
async function seasonChanges(runtime: PlantsRuntime, tips: readonly DueTip[], now: Date) {
  const tipOf = new Map(tips.map((t) => [t.profile.userId, t]));
  const plants: UserPlant[] = await runtime.db.userPlant.findMany({
    where: { userId: { in: [...tipOf.keys()] }, archivedAt: null },
    orderBy: { createdAt: 'asc' },
  });
  const ids = plants.map((p) => p.id);
  const [species, recent, latest, overrides] = await Promise.all([
    runtime.db.indoorPlant.findMany({ where: { id: { in: [...new Set(plants.map((p) => p.plantId))] } } }),
    wateringPages(
      runtime.db,
      ids.map((userPlantId) => ({ userPlantId, limit: RECENT_WATERINGS })),
    ),
    latestCare(runtime.db, ids),
    careOverrides(runtime.db, ids),
  ]);
  const speciesById = new Map(species.map((s) => [s.id, s]));
  const changes = new Map<string, PlantSeasonChange[]>();
  plants.forEach((plant, i) => {
    const tip = tipOf.get(plant.userId);
    if (!tip) return;
    // An instant of the previous season: the day before this one started.
    const before = new Date(tip.startedAt.getTime() - DAY_MS);
    const kind = speciesById.get(plant.plantId) ?? null;
    const at = (when: Date) => ({
      water: plantSchedule(plant, kind, recent[i] ?? [], tip.profile, when),
      others: otherCareSchedules(plant, kind, latest[i] ?? new Map(), overrides[i] ?? [], tip.profile, when),
    });
    const [then, today] = [at(before), at(now)];
    // Watering turned off: no reminder to adjust, so no watering line (equal intervals read as unchanged).
    const waterOff = wateringIsOff(overrides[i] ?? []);
    const list = changes.get(plant.userId) ?? [];
    list.push({
      nickname: plant.nickname,
      waterBefore: waterOff ? today.water.intervalDays : then.water.intervalDays,
      waterAfter: today.water.intervalDays,
      fertilizeBefore: then.others.find((s) => s.task === 'FERTILIZE') ?? null,
      fertilizeAfter: today.others.find((s) => s.task === 'FERTILIZE') ?? null,
      misted: today.others.some((s) => s.task === 'MIST'),
    });
    changes.set(plant.userId, list);
  });
  return changes;
}

export function createSeasonalTips(runtime: PlantsRuntime, options: SeasonalTipsOptions): SeasonalTips {
  async function runBatch(userIds: readonly string[], now: Date): Promise<number> {
    const tips = await dueTips(runtime, userIds, now);
    if (tips.length === 0) return 0;
    const changes = await seasonChanges(runtime, tips, now);
    // A user whose last plant was archived since the page was read gets no tip.
    const withPlants = tips.filter((t) => (changes.get(t.profile.userId)?.length ?? 0) > 0);
    const events = withPlants.map((t): CareTipEvent => {
      const { title, body } = seasonalTip(t.season, changes.get(t.profile.userId) ?? []);
      return {
        eventId: randomUUID(),
        tipKey: t.tipKey,
        userId: t.profile.userId,
        season: t.season,
        title,
        body,
        seasonStartedAt: t.startedAt.toISOString(),
      };
    });
    const written = await runtime.db.$transaction(async (tx) => {
      const inserted = await recordTips(
        tx,
        events.map((e) => ({ tipKey: e.tipKey, userId: e.userId, season: e.season })),
      );
      const fresh = events.filter((e) => inserted.has(e.tipKey));
      await runtime.outbox.enqueue(
        tx,
        CARE_TIP_STREAM,
        fresh.map((event) => ({ aggregateId: event.userId, event })),
      );
      return fresh.length;
    });
    if (written > 0) runtime.outbox.wake();
    return written;
  }

  async function runOnce(): Promise<{ sent: number }> {
    const now = runtime.clock.now();
    let sent = 0;
    let after: string | null = null;
    while (!job.stopping) {
      const users = await usersWithPlants(runtime.db, after, USERS_PER_BATCH);
      sent += await runBatch(users, now);
      if (users.length < USERS_PER_BATCH) break;
      after = users[users.length - 1] ?? null;
    }
    if (sent > 0) runtime.logger.info('seasonal care tips written', { sent });
    return { sent };
  }

  const job = periodicJob({
    run: runOnce,
    intervalMs: options.intervalMs,
    onError: (error) => runtime.logger.error('seasonal tips run failed; retrying at the next interval', { error }),
  });

  return { runOnce, start: job.start, stop: job.stop };
}
