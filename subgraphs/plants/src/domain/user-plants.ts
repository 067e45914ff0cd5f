/** A user's collection: adding, changing and archiving plants. */
import { conflict, notFound } from '@bloomzy/shared/errors';
import type { AddUserPlantInput, UpdateUserPlantInput } from '../__generated__/resolvers-types.js';
import type { UserPlant } from '../db/client.js';
import { Prisma } from '../db/client.js';
import { SCHEDULE_VERSION_BUMP } from '../db/schedule-publication.js';
import { publishCareSchedule } from '../events/care-schedule-events.js';
import type { PlantsRuntime } from '../runtime.js';
import { ownedPlant } from './access.js';
import { NICKNAME_MAX, nicknameOf, plantFields } from './plant-input.js';
import { notNull, isUuid } from './validation.js';

/**
 * Listing a collection with `needsWater` computes every plant's schedule in memory (the due date depends on the
 * season and the clock, so it cannot be a stored column); this bound keeps that work small.
 */
export const MAX_ACTIVE_PLANTS = 500;

/** Fields whose change moves the next watering (or, for nickname, what the reminder says). */
const SCHEDULE_FIELDS = [
  'plantId',
  'nickname',
  'potSize',
  'potMaterial',
  'soil',
  'lightExposure',
  'roomTemperatureC',
  'customWateringIntervalDays',
] as const;

async function species(runtime: PlantsRuntime, id: string) {
  const found = isUuid(id) ? await runtime.db.indoorPlant.findUnique({ where: { id } }) : null;
  if (!found) throw notFound('Species');
  return found;
}

export async function addUserPlant(
  runtime: PlantsRuntime,
  userId: string,
  input: AddUserPlantInput,
): Promise<UserPlant> {
  const fields = plantFields(input, runtime.clock.now());
  const given = nicknameOf(input.nickname);
  const plant = await species(runtime, input.plantId);
  const nickname = given ?? (plant.commonNames[0] ?? plant.scientificName).slice(0, NICKNAME_MAX);
  const active = await runtime.db.userPlant.count({ where: { userId, archivedAt: null } });
  if (active >= MAX_ACTIVE_PLANTS)
    throw conflict(`A collection holds at most ${MAX_ACTIVE_PLANTS} active plants; archive some first`);
  // A new row starts unpublished (scheduleVersion's default), so the add needs no SCHEDULE_VERSION_BUMP.
  const created = await runtime.db.userPlant.create({
    data: { ...fields, healthStatus: fields.healthStatus ?? 'HEALTHY', userId, plantId: plant.id, nickname },
  });
  await publishCareSchedule(runtime, [created.id], 'ADDED');
  return created;
}

export async function updateUserPlant(
  runtime: PlantsRuntime,
  userId: string,
  id: string,
  input: UpdateUserPlantInput,
): Promise<UserPlant> {
  const before = await ownedPlant(runtime, userId, id);
  const fields = plantFields(input, runtime.clock.now());
  const plantId = notNull(input.plantId, 'input.plantId');
  if (plantId !== undefined && plantId !== before.plantId) await species(runtime, plantId);
  const nickname = notNull(input.nickname, 'input.nickname');
  const data = { ...fields, plantId, nickname: nicknameOf(nickname) };
  const { updated, moved } = await runtime.db.$transaction(async (tx) => {
    // Compared under the row lock: against `before` (read unlocked), a concurrent edit could hide a real change, which
    // would then be neither marked nor published.
    const [current] = await tx.$queryRaw<UserPlant[]>(
      Prisma.sql`SELECT * FROM "UserPlant" WHERE id = ${before.id}::uuid FOR UPDATE`,
    );
    const changed =
      !current?.archivedAt &&
      SCHEDULE_FIELDS.some((field) => data[field] !== undefined && data[field] !== current?.[field]);
    const row = await tx.userPlant.update({
      where: { id: before.id },
      data: { ...data, ...(changed ? SCHEDULE_VERSION_BUMP : {}) },
    });
    return { updated: row, moved: changed };
  });
  if (moved) await publishCareSchedule(runtime, [updated.id], 'UPDATED');
  return updated;
}

/** Soft delete: the plant leaves the collection and its reminders stop; waterings and journal are kept. Idempotent. */
export async function archiveUserPlant(runtime: PlantsRuntime, userId: string, id: string): Promise<UserPlant> {
  const plant = await ownedPlant(runtime, userId, id);
  if (plant.archivedAt) return plant;
  const archived = await runtime.db.userPlant.update({
    where: { id: plant.id },
    data: { archivedAt: runtime.clock.now(), ...SCHEDULE_VERSION_BUMP },
  });
  await publishCareSchedule(runtime, [archived.id], 'ARCHIVED');
  return archived;
}
