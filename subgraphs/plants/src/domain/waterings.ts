/** The watering log: one plant, a whole room at once, corrections, and snoozing the next watering. */
import { badInput, conflict, notFound } from '@bloomzy/shared/errors';
import type { UpdateWateringInput, WaterPlantInput } from '../__generated__/resolvers-types.js';
import type { UserPlant, Watering } from '../db/client.js';
import { Prisma } from '../db/client.js';
import { SCHEDULE_VERSION_BUMP } from '../db/schedule-publication.js';
import { publishCareSchedule } from '../events/care-schedule-events.js';
import type { PlantsRuntime } from '../runtime.js';
import { ownedPlant, ownedWatering, requireActive } from './access.js';
import { readPlantSchedule } from './plant-schedules.js';
import { intInRange, isUuid, notNull, optionalInt, optionalText, pastOrNow } from './validation.js';

const MAX_AMOUNT_ML = 10_000;
const WATERING_NOTES_MAX = 1000;
/** A room at once, not a greenhouse: keeps one request's transaction and event burst small. */
const MAX_PLANTS_PER_WATERING = 100;
/** A snooze is "remind me later", not "stop reminding": longer pauses are what the custom interval is for. */
const SNOOZE_MIN_DAYS = 1;
const SNOOZE_MAX_DAYS = 30;
const MS_PER_DAY = 86_400_000;

/**
 * What a watering does to its plant, in the watering's transaction: it ends any snooze (the user has dealt with the
 * plant, so the plain schedule applies again) and marks the schedule change unpublished.
 */
const watered = { snoozedUntil: null, snoozedAt: null, ...SCHEDULE_VERSION_BUMP } as const;

export async function waterPlant(runtime: PlantsRuntime, userId: string, input: WaterPlantInput): Promise<Watering> {
  const wateredAt = pastOrNow(input.wateredAt, runtime.clock.now(), 'input.wateredAt');
  const amountMl = optionalInt(input.amountMl, 0, MAX_AMOUNT_ML, 'input.amountMl');
  const notes = optionalText(input.notes, WATERING_NOTES_MAX, 'input.notes');
  const plant = await ownedPlant(runtime, userId, input.userPlantId);
  requireActive(plant, 'input.userPlantId');
  const watering = await runtime.db.$transaction(async (tx) => {
    const created = await tx.watering.create({
      data: { userPlantId: plant.id, wateredAt, amountMl, waterType: input.waterType, notes },
    });
    await tx.userPlant.update({ where: { id: plant.id }, data: watered });
    return created;
  });
  await publishCareSchedule(runtime, [plant.id], 'WATERED');
  return watering;
}

/**
 * Waters several plants in one transaction, all or nothing: an id that is not one of the user's plants gives NOT_FOUND
 * (and an archived one CONFLICT) before anything is written.
 */
export async function waterPlants(
  runtime: PlantsRuntime,
  userId: string,
  userPlantIds: readonly string[],
  wateredAtInput: Date | null | undefined,
): Promise<Watering[]> {
  const ids = [...new Set(userPlantIds)];
  if (ids.length < 1 || ids.length > MAX_PLANTS_PER_WATERING) {
    throw badInput('userPlantIds', `Give 1–${MAX_PLANTS_PER_WATERING} plant ids`);
  }
  const wateredAt = pastOrNow(wateredAtInput, runtime.clock.now(), 'wateredAt');
  if (!ids.every(isUuid)) throw notFound('Plant');
  const waterings = await runtime.db.$transaction(async (tx) => {
    const plants = await tx.userPlant.findMany({ where: { id: { in: ids }, userId } });
    if (plants.length !== ids.length) throw notFound('Plant');
    if (plants.some((p) => p.archivedAt)) throw conflict('One of these plants is archived', 'userPlantIds');
    const created = await tx.watering.createManyAndReturn({
      data: ids.map((userPlantId) => ({ userPlantId, wateredAt })),
    });
    await tx.userPlant.updateMany({ where: { id: { in: ids } }, data: watered });
    return created;
  });
  await publishCareSchedule(runtime, ids, 'WATERED');
  const byPlant = new Map(waterings.map((w) => [w.userPlantId, w]));
  return ids.map((id) => byPlant.get(id)).filter((w): w is Watering => w !== undefined);
}

/**
 * Postpones the next watering by `days` from the current due date, or from now when the plant is already due (so
 * "remind me tomorrow" on an overdue plant means tomorrow). The interval is untouched; snoozes add up because the
 * current due date already includes an active snooze; the next watering ends it.
 */
export async function snoozeWatering(
  runtime: PlantsRuntime,
  userId: string,
  userPlantId: string,
  days: number,
): Promise<UserPlant> {
  intInRange(days, SNOOZE_MIN_DAYS, SNOOZE_MAX_DAYS, 'days');
  const plant = await ownedPlant(runtime, userId, userPlantId);
  requireActive(plant, 'userPlantId');
  const now = runtime.clock.now();
  const schedule = await readPlantSchedule(runtime.db, plant, now);
  const from = Math.max(schedule.nextWateringAt.getTime(), now.getTime());
  // The snooze counts only while it is newer than the last watering; never let it tie with one logged this instant.
  const snoozedAt = new Date(Math.max(now.getTime(), (schedule.lastWateredAt?.getTime() ?? 0) + 1));
  const snoozed = await runtime.db.userPlant.update({
    where: { id: plant.id },
    data: { snoozedUntil: new Date(from + days * MS_PER_DAY), snoozedAt, ...SCHEDULE_VERSION_BUMP },
  });
  await publishCareSchedule(runtime, [plant.id], 'SNOOZED');
  return snoozed;
}

export async function updateWatering(
  runtime: PlantsRuntime,
  userId: string,
  id: string,
  input: UpdateWateringInput,
): Promise<Watering> {
  const given = notNull(input.wateredAt, 'input.wateredAt');
  const wateredAt = given === undefined ? undefined : pastOrNow(given, runtime.clock.now(), 'input.wateredAt');
  const amountMl = optionalInt(input.amountMl, 0, MAX_AMOUNT_ML, 'input.amountMl');
  const notes = optionalText(input.notes, WATERING_NOTES_MAX, 'input.notes');
  const before = await ownedWatering(runtime, userId, id);
  const { updated, moved } = await runtime.db.$transaction(async (tx) => {
    // Compared under the row lock, so a concurrent correction of the same watering cannot hide a real change.
    const [current] = await tx.$queryRaw<Watering[]>(
      Prisma.sql`SELECT * FROM "Watering" WHERE id = ${before.id}::uuid FOR UPDATE`,
    );
    const row = await tx.watering.update({
      where: { id: before.id },
      data: { wateredAt, amountMl, waterType: input.waterType, notes },
    });
    const changed = !before.userPlant.archivedAt && row.wateredAt.getTime() !== current?.wateredAt.getTime();
    if (changed) await tx.userPlant.update({ where: { id: before.userPlantId }, data: SCHEDULE_VERSION_BUMP });
    return { updated: row, moved: changed };
  });
  if (moved) await publishCareSchedule(runtime, [before.userPlantId], 'WATERING_CHANGED');
  return updated;
}

/** Deletes a logged watering; returns its plant, whose schedule falls back to the previous watering. */
export async function deleteWatering(runtime: PlantsRuntime, userId: string, id: string): Promise<UserPlant> {
  const watering = await ownedWatering(runtime, userId, id);
  const active = !watering.userPlant.archivedAt;
  await runtime.db.$transaction([
    runtime.db.watering.delete({ where: { id: watering.id } }),
    ...(active
      ? [runtime.db.userPlant.update({ where: { id: watering.userPlantId }, data: SCHEDULE_VERSION_BUMP })]
      : []),
  ]);
  if (active) await publishCareSchedule(runtime, [watering.userPlantId], 'WATERING_CHANGED');
  return watering.userPlant;
}
