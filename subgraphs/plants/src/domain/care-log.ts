/** The care log: recording, correcting and deleting care actions (waterings are delegated to waterings.ts). */
import { notFound } from '@bloomzy/shared/errors';
import type { CareTask, RecordCareInput, UpdateCareLogInput } from '../__generated__/resolvers-types.js';
import type { CareLogRow } from '../db/care-queries.js';
import type { CareLog, UserPlant, Watering } from '../db/client.js';
import { SCHEDULE_VERSION_BUMP } from '../db/schedule-publication.js';
import { publishCareSchedule } from '../events/care-schedule-events.js';
import type { PlantsRuntime } from '../runtime.js';
import { ownedPlant, requireActive } from './access.js';
import { isUuid, notNull, optionalText, pastOrNow } from './validation.js';
import { deleteWatering, updateWatering, waterPlant } from './waterings.js';

const CARE_NOTES_MAX = 1000;

export const wateringAsCareLog = (w: Watering): CareLogRow => ({
  id: w.id,
  userPlantId: w.userPlantId,
  task: 'WATER',
  doneAt: w.wateredAt,
  notes: w.notes,
  createdAt: w.createdAt,
});

const careLogRow = (c: CareLog): CareLogRow => ({ ...c, task: c.task });

export async function recordCare(runtime: PlantsRuntime, userId: string, input: RecordCareInput): Promise<CareLogRow> {
  if (input.task === 'WATER') {
    const watering = await waterPlant(runtime, userId, {
      userPlantId: input.userPlantId,
      wateredAt: input.doneAt,
      notes: input.notes,
    });
    return wateringAsCareLog(watering);
  }
  const doneAt = pastOrNow(input.doneAt, runtime.clock.now(), 'input.doneAt');
  const notes = optionalText(input.notes, CARE_NOTES_MAX, 'input.notes');
  const plant = await ownedPlant(runtime, userId, input.userPlantId);
  requireActive(plant, 'input.userPlantId');
  const [created] = await runtime.db.$transaction([
    runtime.db.careLog.create({ data: { userPlantId: plant.id, task: input.task, doneAt, notes } }),
    runtime.db.userPlant.update({ where: { id: plant.id }, data: SCHEDULE_VERSION_BUMP }),
  ]);
  await publishCareSchedule(runtime, [plant.id], 'CARED');
  return careLogRow(created);
}

/** Several plants' care at once (recordCareForRoom): one transaction, one event per plant. */
export async function recordCareMany(
  runtime: PlantsRuntime,
  userPlantIds: readonly string[],
  task: Exclude<CareTask, 'WATER'>,
  doneAt: Date,
): Promise<CareLogRow[]> {
  if (userPlantIds.length === 0) return [];
  const [created] = await runtime.db.$transaction([
    runtime.db.careLog.createManyAndReturn({
      data: userPlantIds.map((userPlantId) => ({ userPlantId, task, doneAt })),
    }),
    runtime.db.userPlant.updateMany({ where: { id: { in: [...userPlantIds] } }, data: SCHEDULE_VERSION_BUMP }),
  ]);
  await publishCareSchedule(runtime, userPlantIds, 'CARED');
  return created.map(careLogRow);
}

type Owned = { kind: 'care'; entry: CareLog & { userPlant: UserPlant } } | { kind: 'watering'; id: string };

/** A care log entry of the user's: a CareLog row, or a watering (WATER entries are waterings); NOT_FOUND otherwise. */
async function ownedEntry(runtime: PlantsRuntime, userId: string, id: string): Promise<Owned> {
  if (!isUuid(id)) throw notFound('Care log entry');
  const [entry, watering] = await Promise.all([
    runtime.db.careLog.findFirst({ where: { id, userPlant: { userId } }, include: { userPlant: true } }),
    runtime.db.watering.findFirst({ where: { id, userPlant: { userId } }, select: { id: true } }),
  ]);
  if (entry) return { kind: 'care', entry };
  if (watering) return { kind: 'watering', id: watering.id };
  throw notFound('Care log entry');
}

export async function updateCareLog(
  runtime: PlantsRuntime,
  userId: string,
  id: string,
  input: UpdateCareLogInput,
): Promise<CareLogRow> {
  const given = notNull(input.doneAt, 'input.doneAt');
  const doneAt = given === undefined ? undefined : pastOrNow(given, runtime.clock.now(), 'input.doneAt');
  const notes = optionalText(input.notes, CARE_NOTES_MAX, 'input.notes');
  const owned = await ownedEntry(runtime, userId, id);
  if (owned.kind === 'watering') {
    const watering = await updateWatering(runtime, userId, owned.id, {
      ...(doneAt !== undefined ? { wateredAt: doneAt } : {}),
      ...(notes !== undefined ? { notes } : {}),
    });
    return wateringAsCareLog(watering);
  }
  const { entry } = owned;
  const moved = doneAt !== undefined && doneAt.getTime() !== entry.doneAt.getTime() && !entry.userPlant.archivedAt;
  const [updated] = await runtime.db.$transaction([
    runtime.db.careLog.update({ where: { id: entry.id }, data: { doneAt, notes } }),
    ...(moved ? [runtime.db.userPlant.update({ where: { id: entry.userPlantId }, data: SCHEDULE_VERSION_BUMP })] : []),
  ]);
  if (moved) await publishCareSchedule(runtime, [entry.userPlantId], 'CARE_CHANGED');
  return careLogRow(updated);
}

/** Deletes an entry; returns its plant, whose schedule falls back to the previous time the task was done. */
export async function deleteCareLog(runtime: PlantsRuntime, userId: string, id: string): Promise<UserPlant> {
  const owned = await ownedEntry(runtime, userId, id);
  if (owned.kind === 'watering') return deleteWatering(runtime, userId, owned.id);
  const { entry } = owned;
  const active = !entry.userPlant.archivedAt;
  await runtime.db.$transaction([
    runtime.db.careLog.delete({ where: { id: entry.id } }),
    ...(active ? [runtime.db.userPlant.update({ where: { id: entry.userPlantId }, data: SCHEDULE_VERSION_BUMP })] : []),
  ]);
  if (active) await publishCareSchedule(runtime, [entry.userPlantId], 'CARE_CHANGED');
  return entry.userPlant;
}
